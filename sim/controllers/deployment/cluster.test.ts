// The Deployment-vs-StatefulSet facts students look at, in the full simulated cluster. Only what
// happens at the instant of a write is asserted, so the tests hold whatever the scheduler and
// kubelet later do with the pods.
import { describe, expect, it } from 'vitest'
import { K8S_ALPHANUMS } from '../../core/rng'
import { createAs, testSim } from '../../testing/harness'
import type { Simulation } from '../../simulation'

const SUFFIX = `[${K8S_ALPHANUMS}]{5}`

function web(replicas: number, volumes = false): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              volumeMounts: volumes ? [{ name: 'www', mountPath: '/usr/share/nginx/html' }] : undefined,
            },
          ],
          volumes: volumes ? [{ name: 'www', persistentVolumeClaim: { claimName: 'www' } }] : undefined,
        },
      },
    },
  }
}

const webPods = (sim: Simulation) => sim.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'web')

describe('CoreDNS', () => {
  it('comes up through a ReplicaSet coredns-<hash> with two random-suffix pods', () => {
    const sim = testSim()
    const rss = sim.api.list('ReplicaSet', { namespace: 'kube-system' })
    expect(rss.map((r) => r.metadata.name)).toEqual([expect.stringMatching(/^coredns-[456789bcdf]{1,10}$/)])
    const pods = sim.api.list('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')
    expect(pods).toHaveLength(2)
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^${rss[0].metadata.name}-${SUFFIX}$`))
  })
})

describe('a Deployment next to a StatefulSet', () => {
  it('creates all its pods at the same instant', () => {
    const sim = testSim()
    const t = sim.now()
    createAs(sim, web(3))
    const pods = webPods(sim)
    expect(pods).toHaveLength(3)
    expect(new Set(pods.map((p) => p.metadata.creationTimestamp))).toEqual(new Set([sim.api.read('Deployment', 'default', 'web').metadata.creationTimestamp]))
    expect(sim.now()).toBe(t)
  })

  it('gives a replacement pod a new random name', () => {
    const sim = testSim()
    createAs(sim, web(2))
    const before = webPods(sim).map((p) => p.metadata.name!)
    sim.api.delete('Pod', 'default', before[0], { actor: 'kubectl' })
    sim.drain()
    const live = webPods(sim).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name!)
    expect(live).toHaveLength(2)
    expect(live).toContain(before[1])
    const [replacement] = live.filter((n) => n !== before[1])
    expect(replacement).not.toBe(before[0])
    expect(replacement).toMatch(new RegExp(`^web-[456789bcdf]{1,10}-${SUFFIX}$`))
  })

  it('puts the one claim named in the template into every pod', () => {
    const sim = testSim()
    createAs(sim, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    })
    createAs(sim, web(3, true))
    const claims = webPods(sim).map((p) => p.spec?.volumes?.[0].persistentVolumeClaim?.claimName)
    expect(claims).toEqual(['www', 'www', 'www'])
    expect(sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((c) => c.metadata.name)).toEqual(['www'])
  })
})
