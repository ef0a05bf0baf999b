// kubectl run in a running cluster. The interactive transcripts follow kubectl-output.md §3.4 and
// §11.13 and seed 002 (`kubectl run -i --tty --image busybox dns-test --restart=Never --rm /bin/sh`);
// what happens after the shell exits follows run.go (wait for the pod to complete with restartPolicy
// Never, then --rm deletes it; a non-zero exit becomes `pod default/<name> terminated (Error)` with
// that exit code, as a real capture shows: `pod "exitcode" deleted` / `pod default/exitcode terminated
// (Error)`), and attach.go's resume hint for restartPolicy Always.

import { describe, expect, it } from 'vitest'
import { terminal, webTerminal, type Terminal } from '../attach/test-terminal'

function ip(t: Terminal, pod: string): string {
  return t.sim.api.get('Pod', 'default', pod)?.status?.podIP ?? ''
}

async function typeAll(t: Terminal, lines: readonly string[]): Promise<string> {
  let screen = ''
  for (const l of lines) screen += await t.type(l)
  return screen
}

describe('kubectl run -it', () => {
  it('gives the §11.13 transcript with busybox 1.28', async () => {
    const t = await webTerminal({ prompts: true })
    const screen = await typeAll(t, ['kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh', 'nslookup web-0.nginx', 'nslookup nginx', 'nslookup web-3.nginx', 'exit'])
    const dns = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n'
    const [before, nginxPart] = screen.split('/ # nslookup nginx\n')
    expect(before).toBe(
      'root@k8s-master:~# kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        `/ # nslookup web-0.nginx\n${dns}Name:      web-0.nginx\nAddress 1: ${ip(t, 'web-0')} web-0.nginx.default.svc.cluster.local\n`,
    )
    const [answer, after] = nginxPart.split('/ # nslookup web-3.nginx\n')
    const lines = answer.split('\n')
    expect(lines.slice(0, 4).join('\n') + '\n').toBe(`${dns}Name:      nginx`.replace(/\n$/, '') + '\n')
    // The order of the three addresses changes from run to run (CoreDNS loadbalance).
    expect(lines.slice(4, 7).map((l) => l.replace(/^Address \d: /, '')).sort()).toEqual(
      ['web-0', 'web-1', 'web-2'].map((p) => `${ip(t, p)} ${p}.nginx.default.svc.cluster.local`).sort(),
    )
    expect(lines.slice(4, 7).map((l) => l.slice(0, 11))).toEqual(['Address 1: ', 'Address 2: ', 'Address 3: '])
    expect(after).toBe(`${dns}nslookup: can't resolve 'web-3.nginx'\n/ # exit\npod "dns-test" deleted\npod default/dns-test terminated (Error)\n`)
  })

  it('deletes the pod after the session with --rm', async () => {
    const t = await webTerminal()
    await typeAll(t, ['kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh', 'exit'])
    t.sim.settle()
    expect(t.sim.api.get('Pod', 'default', 'dns-test')).toBeUndefined()
  })

  it('ends quietly when the shell exits 0', async () => {
    const t = await webTerminal({ prompts: true })
    const screen = await typeAll(t, ['kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh', 'true', 'exit'])
    expect(screen.endsWith('/ # exit\npod "dns-test" deleted\n')).toBe(true)
    expect(t.shell.state.status).toBe(0)
  })

  it('exits with the code the pod terminated with', async () => {
    const t = await webTerminal()
    await typeAll(t, ['kubectl run -it --rm x --image=busybox:1.28 --restart=Never -- sh', 'exit 8'])
    expect(t.shell.state.status).toBe(8)
  })

  it("opens seed 002's old form (command after the name) with busybox:latest's nslookup", async () => {
    const t = await webTerminal({ prompts: true })
    const screen = await typeAll(t, ['kubectl run -i --tty --image busybox dns-test --restart=Never --rm /bin/sh', 'nslookup web-0.nginx.default.svc.cluster.local'])
    // §11.13, the new busybox format (tabs); the AAAA query's empty answer adds a blank line.
    expect(screen).toBe(
      'root@k8s-master:~# kubectl run -i --tty --image busybox dns-test --restart=Never --rm /bin/sh\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        '/ # nslookup web-0.nginx.default.svc.cluster.local\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        `Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip(t, 'web-0')}\n\n\n`,
    )
  })

  it('creates the pod with the run label and the command as args', async () => {
    const t = terminal()
    await typeAll(t, ['kubectl run -it shell --image=busybox:1.36 --restart=Never -- sh'])
    const pod = t.sim.api.get('Pod', 'default', 'shell')
    expect(pod?.metadata.labels).toEqual({ run: 'shell' })
    expect(pod?.spec?.containers[0]).toMatchObject({ name: 'shell', image: 'busybox:1.36', args: ['sh'], stdin: true, stdinOnce: true, tty: true })
  })

  it('tells how to resume when the pod restarts (restartPolicy Always)', async () => {
    const t = terminal()
    await t.run('kubectl run -it keep --image=busybox:1.36')
    expect((await t.run('exit')).stdout).toBe("Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n")
  })

  it('shows the log of a pod that completed before it could attach', async () => {
    const t = terminal()
    expect(await t.run('kubectl run -i once --image=busybox:1.36 --restart=Never -- echo hello')).toEqual({ stdout: 'hello\n', stderr: '' })
  })
})

describe('kubectl run', () => {
  it('prints pod/<name> created', async () => {
    const t = terminal()
    expect(await t.run('kubectl run web --image=nginx:1.27 --port=80')).toEqual({ stdout: 'pod/web created\n', stderr: '' })
    expect(t.sim.api.get('Pod', 'default', 'web')?.spec?.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }])
  })

  it('reports a pod that already exists', async () => {
    const t = terminal()
    await t.run('kubectl run web --image=nginx:1.27')
    expect((await t.run('kubectl run web --image=nginx:1.27')).stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n')
  })
})
