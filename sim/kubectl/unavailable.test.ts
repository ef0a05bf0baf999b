// Commands kubectl v1.33 has and this simulator does not run (root.ts, verbs/unsupported.ts): whatever
// flags they are typed with, they say so plainly rather than calling a real flag unknown, and their
// help is still kubectl's.

import { describe, expect, it } from 'vitest'
import { testShell } from './mutate/test-shell'

describe('a command the simulator does not run', () => {
  it.each([
    ['kubectl diff -f web.yaml', 'kubectl diff'],
    ['kubectl autoscale sts web --max=5 --cpu-percent=80', 'kubectl autoscale'],
    ['kubectl debug web-0 -it --image=busybox', 'kubectl debug'],
    ['kubectl auth can-i create pods', 'kubectl auth can-i'],
    ['kubectl certificate approve csr-1 --force', 'kubectl certificate approve'],
  ])('%s says it is not available', async (line, path) => {
    const r = await testShell().sh(line)
    expect(r).toEqual({ stdout: '', stderr: `error: "${path}" is not available in this simulator\n`, exitCode: 1 })
  })

  it("prints kubectl's help with -h, whatever else was typed", async () => {
    const r = await testShell().sh('kubectl diff -f web.yaml -h')
    expect(r.stdout.split('\n')[0]).toBe('Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.')
    expect(r.exitCode).toBe(0)
  })
})
