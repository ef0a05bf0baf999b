// kubectl logs in a running cluster: the API server's and kubelet's answers (sim/kubelet/log-access.ts
// texts, from upstream), kubectl's own notes (logsforobject.go: "Found N pods, using pod/x",
// "Defaulted container"), --tail/--prefix/-l, and -f following the log while time passes.

import { describe, expect, it } from 'vitest'
import { terminal, webTerminal } from './attach/test-terminal'

const TICKER = 'kubectl run ticker --image=busybox:1.36 -- sh -c "while true; do echo tick; sleep 1; done"'

describe('kubectl logs', () => {
  it("prints nginx's access log line for a request", async () => {
    const t = await webTerminal()
    await t.run('kubectl exec web-1 -- sh -c "echo hi > /usr/share/nginx/html/index.html"')
    await t.run('kubectl port-forward web-1 8080:80 &')
    await t.idle()
    await t.run('curl -s localhost:8080/')
    // nginx's combined log format; port-forward reaches the pod from its own localhost.
    expect((await t.run('kubectl logs web-1')).stdout).toMatch(/^127\.0\.0\.1 - - \[03\/Mar\/2025:09:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 3 "-" "curl\/7\.81\.0" "-"\n$/)
  })

  it('says the container is still being created', async () => {
    const t = terminal()
    await t.run('kubectl run slow --image=nginx:1.27')
    t.sim.tick(1500)
    expect((await t.run('kubectl logs slow')).stderr).toBe('Error from server (BadRequest): container "slow" in pod "slow" is waiting to start: ContainerCreating\n')
  })

  it('shows what a script wrote so far, not what it writes after a sleep', async () => {
    const t = terminal()
    await t.run(`kubectl run steps --image=busybox:1.36 --restart=Never -- sh -c 'echo start; sleep 5; echo done'`)
    await t.run('kubectl wait --for=jsonpath={.status.containerStatuses[0].started}=true pod/steps')
    expect((await t.run('kubectl logs steps')).stdout).toBe('start\n')
    await t.run('sleep 6')
    expect((await t.run('kubectl logs steps')).stdout).toBe('start\ndone\n')
  })

  it('shows an attached kubectl run -i the lines written after it attached', async () => {
    const t = terminal()
    const r = await t.run(`kubectl run -i steps --image=busybox:1.36 --restart=Never --rm -- sh -c 'echo hello; sleep 3; echo bye'`)
    expect(r.stdout).toContain('bye\n')
    expect(r.stderr).toContain("If you don't see a command prompt, try pressing enter.\n")
  })

  it('says there is no previous container', async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl logs web-0 --previous')).stderr).toBe('Error from server (BadRequest): previous terminated container "nginx" in pod "web-0" not found\n')
  })

  it("picks a workload's first pod and says so", async () => {
    const t = await webTerminal()
    expect((await t.run('kubectl logs sts/web')).stderr).toMatch(/^Found 3 pods, using pod\/web-[012]\n$/)
  })

  it('keeps the last lines with --tail', async () => {
    const t = terminal()
    await t.run(TICKER)
    t.sim.settle()
    t.sim.tick(5000)
    expect((await t.run('kubectl logs ticker --tail=2')).stdout).toBe('tick\ntick\n')
  })

  it('prefixes lines with the pod and container for -l --prefix', async () => {
    const t = terminal()
    await t.run(TICKER)
    t.sim.settle()
    expect((await t.run('kubectl logs -l run=ticker --prefix --tail=1')).stdout).toBe('[pod/ticker/ticker] tick\n')
  })

  it('says no pod matched the selector', async () => {
    const t = terminal()
    expect(await t.run('kubectl logs -l app=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n' })
  })

  it('follows new lines while time passes, until interrupted', async () => {
    const t = terminal()
    await t.run(TICKER)
    t.sim.settle()
    const before = (await t.run('kubectl logs ticker')).stdout.split('\n').length
    await t.run('kubectl logs -f ticker > /tmp/follow.log &')
    await t.idle()
    await t.run('sleep 3')
    await t.run('kill %1')
    await t.idle()
    const followed = t.shell.fs.readFile('/tmp/follow.log').split('\n').length
    expect(followed - before).toBe(3)
  })
})
