// The DNS check of the StatefulSet tutorial, run the way the docs give it: busybox's nslookup as the
// main process of a throw-away pod (`kubectl run -i ... --rm -- nslookup web-0.nginx`).

import { describe, expect, it } from 'vitest'
import { labCommands } from './lab-shell'
import { runScript, testShell } from './shell/test-shell'
import { applyWeb } from './testing/fixtures'

describe('nslookup as the main process of a kubectl run pod', () => {
  it("resolves a StatefulSet pod's name through the headless Service (busybox:1.28's format)", async () => {
    const shell = testShell({ commands: labCommands() })
    const sim = shell.state.env.sim
    applyWeb(sim, { replicas: 2 })
    sim.settle()
    const ip = sim.api.read('Pod', 'default', 'web-0').status?.podIP
    const r = await runScript('kubectl run -i --image busybox:1.28 dns-test --restart=Never --rm -- nslookup web-0.nginx\necho rc=$?', shell)
    expect(r.output).toContain(`\nName:      web-0.nginx\nAddress 1: ${ip} web-0.nginx.default.svc.cluster.local\n`)
    expect(r.output).toMatch(/^Server: {4}10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local\n\n/)
    expect(r.output).toContain('pod "dns-test" deleted\nrc=0\n')
  })

  it('fails as busybox does for a name no one serves, and the pod ends in Error', async () => {
    const shell = testShell({ commands: labCommands() })
    const r = await runScript('kubectl run -i --image busybox:1.28 dns-test --restart=Never -- nslookup web-9.nginx\necho rc=$?\nkubectl get pod dns-test --no-headers', shell)
    expect(r.output).toContain("nslookup: can't resolve 'web-9.nginx'\n")
    expect(r.output).toContain('rc=1\n')
    expect(r.output).toMatch(/dns-test +0\/1 +Error +0 /)
  })
})
