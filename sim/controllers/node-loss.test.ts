// "At most one" (reference §6.5): a StatefulSet pod on a lost node is not replaced until it is
// force-deleted, its Node object is deleted, or the node comes back.

import { describe, expect, it } from 'vitest'
import { createAs, testSim } from '../testing/harness'
import type { Simulation } from '../simulation'
import type { Event, Obj } from '../api/types'
import { podCondition } from '../api/pod-util'
import { rfc3339 } from '../core/time'

const S = 1000
const EVICTED = (40 + 300) * S

function statefulSet(withVolume = false): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: 1,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          // What DefaultTolerationSeconds would add.
          tolerations: [
            { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
            { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          ],
          containers: [
            { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', volumeMounts: withVolume ? [{ name: 'www', mountPath: '/usr/share/nginx/html' }] : [] },
          ],
        },
      },
      volumeClaimTemplates: withVolume
        ? [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]
        : undefined,
    },
  }
}

function webPods(sim: Simulation): Obj<'Pod'>[] {
  return sim.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.name?.startsWith('web-'))
}

/**
 * Boots, creates the StatefulSet, lets web-0 come up and cuts its node off. If web-0's kubelet had not
 * made it Ready (images are another part's business), its last posted status says Ready.
 */
function lostWeb0(withVolume = false): { sim: Simulation; lost: string; uid: string } {
  const sim = testSim()
  createAs(sim, statefulSet(withVolume))
  sim.settle()
  const lost = sim.api.read('Pod', 'default', 'web-0').spec!.nodeName!
  sim.failNode(lost)
  const pod = sim.api.read('Pod', 'default', 'web-0')
  if (podCondition(pod, 'Ready')?.status !== 'True') {
    const t = rfc3339(sim.now())
    const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: t }))
    sim.api.updateStatus({ ...pod, status: { ...pod.status, phase: 'Running', conditions } }, { actor: 'kubelet' })
    sim.drain()
  }
  return { sim, lost, uid: pod.metadata.uid! }
}

/** Whether a kubelet finishes graceful deletions in this build (it is written in parallel). */
const kubeletRuns = (() => {
  const sim = testSim()
  createAs(sim, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe', namespace: 'default' }, spec: { nodeName: 'k8s-node1', containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.24' }] } })
  sim.settle()
  sim.api.delete('Pod', 'default', 'probe', { actor: 'kubectl' })
  sim.settle()
  return !sim.api.get('Pod', 'default', 'probe')
})()

describe('a StatefulSet pod on a lost node', () => {
  it('is Terminating after the toleration runs out and is not replaced', () => {
    const { sim, uid } = lostWeb0()
    sim.tick(EVICTED)
    sim.tick(3600 * S)
    const pods = webPods(sim)
    expect(pods.map((p) => [p.metadata.name, p.metadata.uid, !!p.metadata.deletionTimestamp])).toEqual([['web-0', uid, true]])
  })

  it('is recreated on another node once force-deleted', () => {
    const { sim, lost, uid } = lostWeb0()
    sim.tick(EVICTED)
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    const [pod] = webPods(sim)
    expect(pod.metadata.uid).not.toBe(uid)
    expect(pod.spec?.nodeName).toMatch(/^k8s-node[12]$/)
    expect(pod.spec?.nodeName).not.toBe(lost)
  })

  it('is force-deleted by PodGC 40s after its Node object is deleted, and recreated elsewhere', () => {
    const { sim, lost, uid } = lostWeb0()
    sim.tick(EVICTED)
    sim.api.delete('Node', '', lost, { actor: 'kubectl' })
    sim.drain()
    const removing = (sim.api.list('Event') as Event[]).filter((e) => e.reason === 'RemovingNode').map((e) => e.message)
    expect(removing).toEqual([`Node ${lost} event: Removing Node ${lost} from Controller`])
    sim.tick(39 * S)
    expect(sim.api.read('Pod', 'default', 'web-0').metadata.uid).toBe(uid)
    sim.tick(S)
    sim.settle()
    const [pod] = webPods(sim)
    expect(pod.metadata.uid).not.toBe(uid)
    expect(pod.spec?.nodeName).toBeDefined()
    expect(pod.spec?.nodeName).not.toBe(lost)
  })

  it('stays Pending when recreated if its local volume lives on the lost node', () => {
    const { sim } = lostWeb0(true)
    sim.tick(EVICTED)
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    const pod = sim.api.read('Pod', 'default', 'web-0')
    expect(pod.spec?.nodeName).toBeUndefined()
    // local-path volumes carry node affinity for the node they were provisioned on (web-world.json's PV).
    expect(podCondition(pod, 'PodScheduled')?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
        '1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) had volume node affinity conflict. ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })

  it.runIf(kubeletRuns)('is deleted by its kubelet when the node comes back, and replaced', () => {
    const { sim, uid } = lostWeb0()
    sim.tick(EVICTED)
    sim.restoreNode(webPods(sim)[0].spec!.nodeName!)
    sim.settle()
    const pods = webPods(sim)
    expect(pods).toHaveLength(1)
    expect(pods[0].metadata.uid).not.toBe(uid)
  })
})
