import { describe, expect, it } from 'vitest'
import { fakeContainer } from '../fake-env'
import { busyboxImage, debianImage } from './distros'

const busybox = busyboxImage('1.37')

describe('busybox main process', () => {
  it('runs sh by default, which reads EOF and exits 0 at once', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({}, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 0 })
    expect(plan.startError).toBeUndefined()
  })

  it('keeps an interactive sh running when stdin stays open', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sh'], stdin: true, tty: true }, c.env)
    expect(plan.exit).toBeUndefined()
    expect(plan.onSigterm).toBe('ignore')
  })

  it('treats sleep 3600 as a process that ends after an hour and ignores SIGTERM', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sleep', '3600'] }, c.env)
    expect(plan.exit).toEqual({ afterMs: 3_600_000, exitCode: 0 })
    expect(plan.onSigterm).toBe('ignore')
  })

  it('never ends sleep infinity on busybox 1.37', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sleep', 'infinity'] }, c.env)
    expect(plan.exit).toBeUndefined()
    expect(plan.onSigterm).toBe('ignore')
  })

  it('rejects sleep infinity on busybox 1.28 as an invalid number', () => {
    const old = busyboxImage('1.28')
    const c = fakeContainer(old)
    const plan = old.plan({ command: ['sleep', 'infinity'] }, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 1 })
    expect(plan.startupLog).toEqual(["sleep: invalid number 'infinity'"])
  })

  it('reports an unknown executable as runc does', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['foo'] }, c.env)
    // Real v1.33 container status message (containerd + runc ≥1.2), see kubectl describe captures.
    expect(plan.startError).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "foo": executable file not found in $PATH',
    )
  })

  it('reports a missing absolute path with stat', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['/app'] }, c.env)
    expect(plan.startError).toMatch(/exec: "\/app": stat \/app: no such file or directory$/)
  })

  it('turns a while-true loop into a running process that logs every second', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sh', '-c', 'while true; do echo hello; sleep 1; done'] }, c.env)
    expect(plan.exit).toBeUndefined()
    expect(plan.startupLog).toEqual(['hello'])
    expect(plan.repeatLog).toEqual({ everyMs: 1000, lines: ['hello'] })
    expect(plan.onSigterm).toBe('ignore')
  })

  it('exits 1 for sh -c "exit 1" and 127 for an unknown command in sh', () => {
    const c = fakeContainer(busybox)
    expect(busybox.plan({ command: ['sh', '-c', 'exit 1'] }, c.env).exit).toEqual({ afterMs: 0, exitCode: 1 })
    const plan = busybox.plan({ command: ['sh', '-c', 'foo'] }, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 127 })
    expect(plan.startupLog).toEqual(['sh: foo: not found'])
  })

  it('runs tail -f /dev/null for ever', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['tail', '-f', '/dev/null'] }, c.env)
    expect(plan.exit).toBeUndefined()
  })

  it('echoes, sleeps, echoes again when the sleep is over, then exits with the sum of the sleeps', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sh', '-c'], args: ['echo start; sleep 5; echo done; exit 3'] }, c.env)
    expect(plan.startupLog).toEqual(['start'])
    expect(plan.laterLog).toEqual([{ afterMs: 5000, lines: ['done'] }])
    expect(plan.exit).toEqual({ afterMs: 5000, exitCode: 3 })
  })

  it('times the output of subshells and nested shells from where they ran', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['sh', '-c', 'echo a; (sleep 1; echo b); sh -c "sleep 2; echo c"; sleep 1; echo d'] }, c.env)
    expect(plan.startupLog).toEqual(['a'])
    expect(plan.laterLog).toEqual([
      { afterMs: 1000, lines: ['b'] },
      { afterMs: 3000, lines: ['c'] },
      { afterMs: 4000, lines: ['d'] },
    ])
    expect(plan.exit).toEqual({ afterMs: 4000, exitCode: 0 })
  })

  it('creates files the probe looks for, then runs for ever', () => {
    const c = fakeContainer(busybox)
    const plan = busybox.plan({ command: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] }, c.env)
    expect(c.fs.exists('/tmp/healthy')).toBe(false)
    expect(plan.exit).toEqual({ afterMs: 630_000, exitCode: 0 })
  })
})

describe('busybox exec', () => {
  it('cats a missing file with busybox wording', () => {
    const c = fakeContainer(busybox)
    expect(busybox.exec!(['cat', '/tmp/healthy'], c.env)).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
    })
  })

  it('cats an existing file', () => {
    const c = fakeContainer(busybox)
    c.fs.writeFile('/tmp/healthy', 'ok\n')
    expect(busybox.exec!(['cat', '/tmp/healthy'], c.env)).toMatchObject({ exitCode: 0, stdout: 'ok\n' })
  })

  it('answers test and [ like sh', () => {
    const c = fakeContainer(busybox)
    c.fs.writeFile('/tmp/ready', '')
    expect(busybox.exec!(['test', '-f', '/tmp/ready'], c.env)?.exitCode).toBe(0)
    expect(busybox.exec!(['[', '-d', '/tmp/ready', ']'], c.env)?.exitCode).toBe(1)
    expect(busybox.exec!(['sh', '-c', '[ -e /tmp/ready ] && echo yes'], c.env)).toMatchObject({ exitCode: 0, stdout: 'yes\n' })
  })

  it('returns undefined for an executable the image does not have', () => {
    const c = fakeContainer(busybox)
    expect(busybox.exec!(['zkOk.sh'], c.env)).toBeUndefined()
  })

  it('prints the hostname and FQDN', () => {
    const c = fakeContainer(busybox, { podName: 'web-0', subdomain: 'nginx' })
    expect(busybox.exec!(['hostname'], c.env)?.stdout).toBe('web-0\n')
    expect(busybox.exec!(['hostname', '-f'], c.env)?.stdout).toBe('web-0.nginx.default.svc.cluster.local\n')
  })

  it('writes through redirections and expands command substitution', () => {
    const c = fakeContainer(busybox, { podName: 'web-1' })
    const r = busybox.exec!(['sh', '-c', 'echo "I am $(hostname)" > /tmp/index.html; cat /tmp/index.html'], c.env)
    expect(r).toMatchObject({ exitCode: 0, stdout: 'I am web-1\n' })
  })

  it('lists a directory and complains about a missing one', () => {
    const c = fakeContainer(busybox)
    c.fs.writeFile('/data/b', '')
    c.fs.writeFile('/data/a', '')
    expect(busybox.exec!(['ls', '/data'], c.env)?.stdout).toBe('a\nb\n')
    expect(busybox.exec!(['ls', '/nope'], c.env)).toMatchObject({ exitCode: 1, stderr: 'ls: /nope: No such file or directory\n' })
  })

  it('counts loops and arithmetic', () => {
    const c = fakeContainer(busybox)
    const r = busybox.exec!(['sh', '-c', 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done'], c.env)
    expect(r?.stdout).toBe('1\n2\n3\n')
  })
})

describe('GNU tools in Debian-based images', () => {
  it('words a missing file the coreutils way and dash names its line', () => {
    const debian = debianImage()
    const c = fakeContainer(debian)
    expect(debian.exec!(['cat', '/nope'], c.env)?.stderr).toBe('cat: /nope: No such file or directory\n')
    expect(debian.exec!(['ls', '/nope'], c.env)).toMatchObject({ exitCode: 2, stderr: "ls: cannot access '/nope': No such file or directory\n" })
    expect(debian.exec!(['sh', '-c', 'foo'], c.env)).toMatchObject({ exitCode: 127, stderr: 'sh: 1: foo: not found\n' })
  })
})
