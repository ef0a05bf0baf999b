// kubectl exec in a running cluster (web.yaml of kubectl-output.md §10). Expected texts: §3.4/§3.5 of
// the reference (hostname, hostname -f, /etc/hosts, /etc/resolv.conf), kubectl's exec.go and podcmd.go,
// the API server's streamLocation (pkg/registry/core/pod/strategy.go), the kubelet's "unable to
// upgrade connection" and containerd/runc's exec failure as real captures show them.

import { describe, expect, it } from 'vitest'
import { terminal, webTerminal } from './attach/test-terminal'

const SIDECAR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: nginx
    image: nginx:1.27
  - name: sidecar
    image: busybox:1.36
    command: ["sleep", "3600"]
`

function podIP(t: { sim: import('../../simulation').Simulation }, name: string): string {
  return t.sim.api.get('Pod', 'default', name)?.status?.podIP ?? ''
}

describe('kubectl exec', () => {
  it('runs hostname in the pod', async () => {
    const t = await webTerminal()
    expect(await t.run('kubectl exec web-0 -- hostname')).toEqual({ stdout: 'web-0\n', stderr: '' })
  })

  it("prints the pod's FQDN with hostname -f", async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl exec web-1 -- hostname -f')).stdout).toBe('web-1.nginx.default.svc.cluster.local\n')
  })

  it('shows the kubelet-managed /etc/hosts with the pod FQDN line', async () => {
    const t = await webTerminal()
    const ip = podIP(t, 'web-0')
    expect((await t.run('kubectl exec web-0 -- cat /etc/hosts')).stdout).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        `${ip}\tweb-0.nginx.default.svc.cluster.local\tweb-0\n`,
    )
  })

  it('shows /etc/resolv.conf with the cluster search path', async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl exec web-0 -- cat /etc/resolv.conf')).stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    )
  })

  it("keeps a file written in the pod's volume after the pod is replaced", async () => {
    const t = await webTerminal()
    await t.run('kubectl exec web-0 -- sh -c "echo web-0 was here > /usr/share/nginx/html/index.html"')
    await t.run('kubectl delete pod web-0')
    t.sim.settle()
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.status?.phase).toBe('Running')
    expect(await t.run('kubectl exec web-0 -- cat /usr/share/nginx/html/index.html')).toEqual({ stdout: 'web-0 was here\n', stderr: '' })
  })

  it("reports runc's error for a program the image does not have", async () => {
    const t = await webTerminal()
    const r = await t.run('kubectl exec web-0 -- ps')
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown\n$/,
    )
  })

  it('reports a missing absolute path as stat failing', async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl exec web-0 -- /bin/zsh')).stderr).toMatch(/unable to start container process: exec: "\/bin\/zsh": stat \/bin\/zsh: no such file or directory: unknown\n$/)
  })

  it('says which exit code the command ended with and exits with it', async () => {
    const t = await webTerminal()
    expect(await t.run('kubectl exec web-0 -- sh -c "exit 3"')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n' })
    expect(t.shell.state.status).toBe(3)
  })

  it('lets the API server reject a container the pod does not have', async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl exec web-0 -c x -- ls')).stderr).toBe('Error from server (BadRequest): container x is not valid for pod web-0\n')
  })

  it('refuses a pod that ran to completion', async () => {
    const t = terminal()
    await t.run('kubectl run once --image=busybox:1.36 --restart=Never -- true')
    t.sim.settle()
    expect((await t.run('kubectl exec once -- ls')).stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n')
  })

  it('lets the API server reject a pod that has no node yet', async () => {
    const t = terminal()
    t.write('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\nspec:\n  nodeSelector:\n    disk: ssd\n  containers:\n  - name: c\n    image: busybox:1.36\n')
    await t.run('kubectl apply -f p.yaml')
    t.sim.settle()
    expect((await t.run('kubectl exec stuck -- ls')).stderr).toBe('Error from server (BadRequest): pod stuck does not have a host assigned\n')
  })

  it("reports the kubelet's upgrade failure while the container is being created", async () => {
    const t = terminal()
    await t.run('kubectl run slow --image=nginx:1.27')
    t.sim.tick(1500)
    expect(t.sim.api.get('Pod', 'default', 'slow')?.spec?.nodeName).toBeTruthy()
    expect((await t.run('kubectl exec slow -- ls')).stderr).toBe('error: unable to upgrade connection: container not found ("slow")\n')
  })

  it('notes the defaulted container of a pod with several', async () => {
    const t = terminal()
    t.write('two.yaml', SIDECAR_POD)
    await t.run('kubectl apply -f two.yaml')
    t.sim.settle()
    expect(await t.run('kubectl exec two -- hostname')).toEqual({ stdout: 'two\n', stderr: 'Defaulted container "nginx" out of: nginx, sidecar\n' })
  })

  it('runs in the container named with -c', async () => {
    const t = terminal()
    t.write('two.yaml', SIDECAR_POD)
    await t.run('kubectl apply -f two.yaml')
    t.sim.settle()
    expect(await t.run('kubectl exec two -c sidecar -- cat /etc/os-release')).toEqual({ stdout: '', stderr: 'cat: can\'t open \'/etc/os-release\': No such file or directory\ncommand terminated with exit code 1\n' })
  })

  it("execs into a workload's pod", async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl exec sts/web -- hostname')).stdout).toMatch(/^web-[012]\n$/)
  })

  it('feeds piped input to the command with -i', async () => {
    const t = await webTerminal()
    expect((await t.run('echo "hostname; echo done" | kubectl exec -i web-2 -- sh')).stdout).toBe('web-2\ndone\n')
  })

  it('gives the command no input without -i', async () => {
    const t = await webTerminal()
    expect(await t.run('echo hostname | kubectl exec web-2 -- sh')).toEqual({ stdout: '', stderr: '' })
  })

  it('says it cannot use a TTY when its input is not a terminal', async () => {
    const t = await webTerminal()
    expect((await t.run('echo hostname | kubectl exec -it web-2 -- sh')).stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n')
  })
})

describe('kubectl exec -it: a shell in the container', () => {
  it("opens dash with its root prompt in a Debian-based image and returns on exit", async () => {
    const t = await webTerminal({ prompts: true })
    let screen = await t.type('kubectl exec -it web-0 -- sh')
    screen += await t.type('hostname')
    screen += await t.type('exit')
    screen += await t.type('hostname')
    expect(screen).toBe('root@k8s-master:~# kubectl exec -it web-0 -- sh\n# hostname\nweb-0\n# exit\nroot@k8s-master:~# hostname\nk8s-master\n')
  })

  it('opens busybox ash with `/ # ` in a busybox image', async () => {
    const t = terminal({ prompts: true })
    await t.run('kubectl run box --image=busybox:1.36 -- sleep 3600')
    t.sim.settle()
    await t.type('kubectl exec -it box -- sh')
    expect(await t.type('cd /tmp')).toBe('/ # cd /tmp\n')
    expect(t.stack.current().prompt()).toBe('/tmp # ')
  })

  it('words a missing command as dash does, with the line number', async () => {
    const t = await webTerminal()
    await t.run('kubectl exec -it web-0 -- sh')
    await t.run('true')
    expect((await t.run('foo')).stderr).toBe('sh: 2: foo: not found\n')
  })

  it('writes redirections into the container, on its volumes', async () => {
    const t = await webTerminal()
    await t.run('kubectl exec -it web-1 -- sh')
    await t.run('echo hi > /usr/share/nginx/html/index.html')
    await t.run('exit')
    expect((await t.run('kubectl exec web-1 -- cat /usr/share/nginx/html/index.html')).stdout).toBe('hi\n')
  })

  it('ends with the status of `exit N`', async () => {
    const t = await webTerminal()
    await t.run('kubectl exec -it web-1 -- sh')
    expect((await t.run('exit 4')).stderr).toBe('command terminated with exit code 4\n')
  })
})

describe('kubectl exec -it when the pod goes away', () => {
  it('ends the session as killed', async () => {
    const t = await webTerminal()
    await t.run('kubectl exec -it web-2 -- sh')
    t.sim.api.delete('Pod', 'default', 'web-2', { actor: 'kubectl' })
    t.sim.settle()
    expect(await t.run('hostname')).toEqual({ stdout: '', stderr: 'command terminated with exit code 137\n' })
  })
})
