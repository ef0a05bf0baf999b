import { describe, expect, it } from 'vitest'
import { busyboxImage } from '../behaviors/distros'
import { nginxImage } from '../behaviors/nginx'
import { fakeContainer } from '../fake-env'

const busybox = busyboxImage('1.37')
const run = (script: string) => {
  const c = fakeContainer(busybox)
  return { r: busybox.exec!(['sh', '-c', script], c.env)!, c }
}

describe('sh -c scripts', () => {
  it('loops over words and branches', () => {
    expect(run('for i in a b; do if [ $i = a ]; then echo A; else echo other; fi; done').r.stdout).toBe('A\nother\n')
  })

  it('expands defaults and arithmetic', () => {
    expect(run('echo ${MISSING:-fallback} $((2 * 3 + 1))').r.stdout).toBe('fallback 7\n')
  })

  it('pipes output into the next command', () => {
    expect(run('echo hello | grep -q hell && echo found').r.stdout).toBe('found\n')
  })

  it('stops at the first failure with set -e', () => {
    expect(run('set -e; false; echo no').r).toMatchObject({ exitCode: 1, stdout: '' })
  })

  it('cannot create a file in a missing directory', () => {
    expect(run('echo x > /nodir/f').r).toMatchObject({ exitCode: 1, stderr: "sh: can't create /nodir/f: nonexistent directory\n" })
  })

  it('appends with >> and sends stderr to stdout with 2>&1', () => {
    const { r } = run('echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f; cat /missing 2>&1')
    expect(r.stdout).toBe("a\nb\ncat: can't open '/missing': No such file or directory\n")
  })

  it('sends stderr into the file with > file 2>&1', () => {
    const { r, c } = run('cat /missing > /tmp/out 2>&1; echo done')
    expect(r.stdout).toBe('done\n')
    expect(c.fs.readFile('/tmp/out')).toBe("cat: can't open '/missing': No such file or directory\n")
  })

  it('reports a syntax error the busybox way', () => {
    expect(run('if true; then').r).toMatchObject({ exitCode: 2, stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n' })
  })
})

describe('PID 1 and SIGTERM', () => {
  it('lets a TERM trap end a shell that waits on a background job', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sh', '-c', "trap 'exit 0' TERM; sleep infinity & wait"] }, c.env)
    expect(plan.exit).toBeUndefined()
    expect(plan.onSigterm).toEqual({ exitAfterMs: 0, exitCode: 0 })
  })

  it('gives SIGTERM to the single command sh -c execs', () => {
    const nginx = nginxImage({ version: '1.27.5', variant: 'alpine', env: {}, compiler: 'gcc' })
    const c = fakeContainer(nginx)
    expect(nginx.plan({ command: ['sh', '-c', "nginx -g 'daemon off;'"] }, c.env).onSigterm).toEqual({ exitAfterMs: 100, exitCode: 0 })
    expect(nginx.plan({ command: ['sh', '-c', "echo starting; nginx -g 'daemon off;'"] }, c.env).onSigterm).toBe('ignore')
  })

  it('runs a script mounted into the container', () => {
    const c = fakeContainer(busybox, { mounts: { '/scripts': { 'run.sh': '#!/bin/sh\necho from script\nexit 4\n' } } })
    const plan = busybox.plan({ command: ['/scripts/run.sh'] }, c.env)
    expect(plan.startupLog).toEqual(['from script'])
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 4 })
  })
})
