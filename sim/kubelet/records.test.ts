import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../api/types'
import { createAs, testSim } from '../testing/harness'
import type { PodRecord } from './model'
import { ApiPodIPs, PodRecords } from './records'

function rec(uid: string, node: string): PodRecord {
  return { uid, namespace: 'default', name: uid, node, noticeAt: 0, containers: [], scopedVolumes: [] }
}

describe('the kubelet records', () => {
  it('find a pod by uid and list the pods of a node as records come and go', () => {
    const r = new PodRecords()
    r.set('default/a', rec('uid-a', 'k8s-node1'))
    r.set('default/b', rec('uid-b', 'k8s-node2'))
    r.set('default/c', rec('uid-c', 'k8s-node1'))
    r.delete('default/a')
    expect(r.keyOf('uid-a')).toBeUndefined()
    expect(r.keyOf('uid-c')).toBe('default/c')
    expect([...r.onNode('k8s-node1')].map((x) => x.uid)).toEqual(['uid-c'])
    expect([...r.onNode('k8s-node3')]).toEqual([])
  })
})

/** What a list of the node's pods says: the IPs of the pods there that have one and have not finished. */
function listed(sim: ReturnType<typeof testSim>, node: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of sim.api.list('Pod', { fields: { 'spec.nodeName': node } })) {
    const phase = p.status?.phase
    if (p.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed') out[p.metadata.uid!] = p.status.podIP
  }
  return out
}

const pod = (name: string, node: string, command: string[]): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: node, restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command }] },
  }) as unknown as KubeObject

describe('the pod IPs the API shows in use on a node', () => {
  it('agree with a list of the node’s pods as pods start, finish and go', () => {
    const sim = testSim()
    const ips = new ApiPodIPs()
    sim.api.watch((ev) => ips.observe(ev), ['Pod'])
    const view = (node: string) => Object.fromEntries(ips.onNode(sim.api, node))
    createAs(sim, pod('early', 'k8s-node1', ['sleep', '3600']))
    sim.settle()
    // First use: what the API holds now, then kept from the events.
    expect(view('k8s-node1')).toEqual(listed(sim, 'k8s-node1'))
    createAs(sim, pod('short', 'k8s-node1', ['true']), pod('long', 'k8s-node1', ['sleep', '3600']), pod('other', 'k8s-node2', ['sleep', '3600']))
    sim.settle()
    const short = sim.api.read('Pod', 'default', 'short')
    expect(short.status?.phase).toBe('Succeeded')
    expect(Object.keys(view('k8s-node1'))).not.toContain(short.metadata.uid)
    expect(view('k8s-node1')).toEqual(listed(sim, 'k8s-node1'))
    expect(view('k8s-node2')).toEqual(listed(sim, 'k8s-node2'))
    const long = sim.api.read('Pod', 'default', 'long')
    expect(Object.keys(view('k8s-node1'))).toContain(long.metadata.uid)
    sim.api.delete('Pod', 'default', 'long', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    expect(Object.keys(view('k8s-node1'))).not.toContain(long.metadata.uid)
    expect(view('k8s-node1')).toEqual(listed(sim, 'k8s-node1'))
  })
})
