// kubectl cp between the student's machine and a running pod (cp.go: tar through exec); GNU tar's note
// about the leading slash on stderr, as real captures of `kubectl cp pod:/abs/path ...` show.

import { describe, expect, it } from 'vitest'
import { webTerminal } from './attach/test-terminal'

describe('kubectl cp', () => {
  it("copies a file out of the pod's volume", async () => {
    const t = await webTerminal()
    await t.run('kubectl exec web-0 -- sh -c "echo from web-0 > /usr/share/nginx/html/index.html"')
    expect(await t.run('kubectl cp web-0:/usr/share/nginx/html/index.html ./index.html')).toEqual({ stdout: '', stderr: "tar: Removing leading `/' from member names\n" })
    expect(t.shell.fs.readFile('/root/index.html')).toBe('from web-0\n')
  })

  it('copies a file into a directory of the pod', async () => {
    const t = await webTerminal()
    t.write('page.html', '<h1>hi</h1>\n')
    expect(await t.run('kubectl cp page.html web-1:/usr/share/nginx/html')).toEqual({ stdout: '', stderr: '' })
    expect((await t.run('kubectl exec web-1 -- cat /usr/share/nginx/html/page.html')).stdout).toBe('<h1>hi</h1>\n')
  })

  it("passes on tar's complaint about a missing file", async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl cp web-0:/nope ./nope')).stderr).toBe(
      "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2\n",
    )
  })
})
