// The DNS commands in a running simulation: the StatefulSet tutorial's `nslookup web-0.nginx` from a
// busybox:1.28 pod, the name failing while web-0 is being replaced and following it afterwards.

import { describe, expect, it } from 'vitest'
import { createAs, testSim } from '../testing/harness'
import { MemFs } from '../storage/memfs'
import type { CommandContext } from '../shell/types'
import type { Simulation } from '../simulation'
import { dnsCommands, type ContainerToolContext } from './commands'

const WEB_YAML = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } }, spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80 }] } },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }] }] } },
    },
  },
]

const DNS_TEST = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dns-test', namespace: 'default' }, spec: { containers: [{ name: 'dns-test', image: 'busybox:1.28', command: ['sleep', '3600'] }] } }

function world(): Simulation {
  const sim = testSim()
  createAs(sim, ...WEB_YAML, DNS_TEST)
  sim.settle()
  return sim
}

async function run(sim: Simulation, tool: ContainerToolContext, line: string) {
  const argv = line.split(' ')
  const cmd = dnsCommands(tool).find((c) => c.name === argv[0])
  if (!cmd) throw new Error(`no ${argv[0]} in ${tool.image}`)
  let stdout = ''
  let stderr = ''
  const ctx: CommandContext = {
    argv,
    stdin: null,
    env: new Map(),
    cwd: '/',
    fs: new MemFs(),
    sim,
    time: {
      now: () => sim.now(),
      sleep: async (ms) => {
        sim.tick(ms)
        return true
      },
      until: async () => true,
    },
    cancel: { cancelled: false, onCancel: () => () => {} },
    tty: false,
    columns: 80,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  }
  const exitCode = await cmd.run(ctx)
  return { stdout, stderr, exitCode }
}

const debugPod: ContainerToolContext = { namespace: 'default', pod: 'dns-test', container: 'dns-test', image: 'busybox:1.28' }
const ipOf = (sim: Simulation, name: string) => sim.api.read('Pod', 'default', name).status!.podIP!

describe('DNS commands in a running cluster', () => {
  it('resolves web-0.nginx to the pod IP from a busybox:1.28 pod', async () => {
    const sim = world()
    const r = await run(sim, debugPod, 'nslookup web-0.nginx')
    expect(r.stdout).toBe(`Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-0.nginx
Address 1: ${ipOf(sim, 'web-0')} web-0.nginx.default.svc.cluster.local
`)
    expect(r.exitCode).toBe(0)
  })

  it('cannot resolve web-0.nginx while web-0 is terminating, and resolves the new pod afterwards', async () => {
    const sim = world()
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
    sim.drain()
    const during = await run(sim, debugPod, 'nslookup web-0.nginx')
    expect(during.stderr).toBe("nslookup: can't resolve 'web-0.nginx'\n")
    expect(during.exitCode).toBe(1)

    sim.settle()
    const after = await run(sim, debugPod, 'nslookup web-0.nginx')
    expect(after.stdout).toContain(`Address 1: ${ipOf(sim, 'web-0')} web-0.nginx.default.svc.cluster.local\n`)
  })

  it('lists the three pods for the headless Service', async () => {
    const sim = world()
    const r = await run(sim, debugPod, 'nslookup nginx')
    const ips = r.stdout.split('\n').filter((l) => l.startsWith('Address ') && !l.includes('10.96.0.10')).map((l) => l.split(' ')[2])
    expect(ips.sort()).toEqual(['web-0', 'web-1', 'web-2'].map((p) => ipOf(sim, p)).sort())
  })

  it('prints the FQDN with hostname -f in web-0', async () => {
    const sim = world()
    const web0: ContainerToolContext = { namespace: 'default', pod: 'web-0', container: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }
    expect((await run(sim, web0, 'hostname -f')).stdout).toBe('web-0.nginx.default.svc.cluster.local\n')
  })

  it('resolves an external name a lab gives the upstream resolver', async () => {
    const sim = testSim({ dnsUpstream: { 'kubernetes.io': { A: ['147.75.40.148'] } } })
    createAs(sim, DNS_TEST)
    sim.settle()
    const r = await run(sim, debugPod, 'nslookup kubernetes.io')
    expect(r.stdout.split('\n').slice(3)).toEqual(['Name:      kubernetes.io', 'Address 1: 147.75.40.148', ''])
  })

  it('gives dig and host only to dnsutils images', () => {
    expect(dnsCommands(debugPod).map((c) => c.name)).toEqual(['hostname', 'nslookup'])
    const dnsutils = { ...debugPod, image: 'registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3' }
    expect(dnsCommands(dnsutils).map((c) => c.name)).toEqual(['hostname', 'nslookup', 'dig', 'host'])
  })
})
