import { describe, expect, it } from 'vitest'
import { planScheduling, type SchedulingDecision } from './planner'
import { claim, clusterNodes, cordon, input, label, placed, pod, requests, storageClass, taint, volume, withNode, STANDARD } from './fixtures'
import type { SchedulingInput } from './planner'

const first = () => 0
const CP = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'
const message = (d: SchedulingDecision) => (d.kind === 'unschedulable' ? d.message : `bound to ${d.node}`)

const antiAffinity = {
  affinity: {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'zk' } }, topologyKey: 'kubernetes.io/hostname' }],
    },
  },
}

// Expected texts follow FitError.Error() and DefaultPreemption's message (kube-scheduler v1.33),
// and the examples of the reference (statefulset-controller.md §6.4).
const cases: [string, SchedulingInput, string][] = [
  [
    'a pod requesting more cpu than any node has',
    input(pod('big', requests('100'))),
    `0/3 nodes are available: 1 ${CP}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
  ],
  [
    'cpu and memory both short: both reasons are counted per node',
    input(pod('big', requests('100', '100Gi'))),
    `0/3 nodes are available: 1 ${CP}, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
  ],
  [
    'a nodeSelector no node matches',
    input(pod('ssd', { nodeSelector: { disktype: 'ssd' } })),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'both workers cordoned',
    input(pod('web-0'), { nodes: withNode(withNode(clusterNodes(), 'k8s-node1', cordon), 'k8s-node2', cordon) }),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'a worker tainted NoExecute without a toleration',
    input(pod('web-0'), { nodes: withNode(withNode(clusterNodes(), 'k8s-node1', cordon), 'k8s-node2', taint({ key: 'dedicated', value: 'db', effect: 'NoExecute' })) }),
    `0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 1 ${CP}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'a missing claim rejects the pod in PreFilter',
    input(pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] })),
    '0/3 nodes are available: persistentvolumeclaim "www-web-0" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  ],
  [
    'an unbound claim of an Immediate class',
    input(pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }), {
      pvcs: [claim('www-web-0', { storageClassName: 'fast' })],
      classes: [STANDARD, storageClass('fast', 'example.com/fast', 'Immediate')],
    }),
    '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  ],
  [
    'a claim being deleted',
    input(pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }), {
      pvcs: [{ ...claim('www-web-0'), metadata: { ...claim('www-web-0').metadata, deletionTimestamp: '2025-03-03T09:00:00Z' } }],
    }),
    '0/3 nodes are available: persistentvolumeclaim "www-web-0" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  ],
  [
    'a bound volume pinned to a cordoned node',
    input(pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }), {
      nodes: withNode(clusterNodes(), 'k8s-node1', cordon),
      pvcs: [claim('www-web-0', { volumeName: 'pv-1' }, { 'pv.kubernetes.io/bind-completed': 'yes' })],
      pvs: [volume('pv-1', 'k8s-node1', {}, 'Bound')],
    }),
    `0/3 nodes are available: 1 ${CP}, 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'a WaitForFirstConsumer claim with no provisioner and no volume',
    input(pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }), {
      pvcs: [claim('www-web-0', { storageClassName: 'local' })],
      classes: [STANDARD, storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer')],
    }),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'required anti-affinity with a matching pod on each worker',
    input(pod('zk-2', antiAffinity, { app: 'zk' }), {
      placed: placed(clusterNodes(), [pod('zk-0', antiAffinity, { app: 'zk' }), 'k8s-node1'], [pod('zk-1', antiAffinity, { app: 'zk' }), 'k8s-node2']),
    }),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
  ],
  [
    "existing pods' anti-affinity keeps a matching pod away",
    input(pod('other', {}, { app: 'zk' }), {
      placed: placed(clusterNodes(), [pod('zk-0', antiAffinity, { app: 'zk' }), 'k8s-node1'], [pod('zk-1', antiAffinity, { app: 'zk' }), 'k8s-node2']),
    }),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
  ],
  [
    'required affinity to pods that run nowhere',
    input(
      pod('web', {
        affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } },
      }),
    ),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'a node full of pods',
    input(pod('one-more'), {
      nodes: withNode(withNode(clusterNodes(), 'k8s-node1', cordon), 'k8s-node2', (n) => ({ ...n, status: { ...n.status, allocatable: { ...n.status?.allocatable, pods: '1' } } })),
      placed: placed(clusterNodes(), [pod('p'), 'k8s-node2']),
    }),
    // sort.Strings compares bytes: 'T' sorts before 'n'.
    `0/3 nodes are available: 1 Too many pods, 1 ${CP}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
  ],
  [
    'a pod that may not preempt',
    input(pod('big', { ...requests('100'), preemptionPolicy: 'Never' })),
    `0/3 nodes are available: 1 ${CP}, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`,
  ],
  [
    'a hard spread constraint over zones the nodes do not have',
    input(pod('web-0', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }, { app: 'web' })),
    `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  ],
  [
    'a hard spread constraint over hostnames with one node cordoned',
    input(pod('web-1', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }, { app: 'web' }), {
      nodes: withNode(clusterNodes(), 'k8s-node2', cordon),
      placed: placed(clusterNodes(), [pod('web-0', {}, { app: 'web' }), 'k8s-node1']),
    }),
    // The cordoned node still counts as a domain with 0 pods: web-1 on k8s-node1 would make the skew 2.
    `0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 ${CP}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
  ],
  ['no nodes at all', input(pod('web-0'), { nodes: [] }), 'no nodes available to schedule pods'],
]

describe('planScheduling: FailedScheduling messages', () => {
  it.each(cases)('%s', (_name, given, want) => {
    expect(message(planScheduling(given, first))).toBe(want)
  })

  it('sorts the histogram as strings, so a count of 10 comes before 2', () => {
    const many = Array.from({ length: 12 }, () => clusterNodes()[1]).map((n, i) => ({ ...n, metadata: { ...n.metadata, name: `w${i}` } }))
    const nodes = many.map((n, i) => (i < 10 ? n : cordon(n)))
    const d = planScheduling(input(pod('big', requests('100')), { nodes }), first)
    expect(message(d)).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable. preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    )
  })
})

describe('planScheduling: choosing a node', () => {
  it('never picks the tainted control plane for an ordinary pod', () => {
    for (let i = 0; i < 2; i++) {
      const d = planScheduling(input(pod('web-0')), () => i)
      expect(d.kind === 'bind' && d.node).toMatch(/^k8s-node[12]$/)
    }
  })

  it('places a pod that tolerates the control-plane taint anywhere', () => {
    const p = pod('dns', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })
    const picked = new Set([0, 1, 2].map((i) => message(planScheduling(input(p), () => i))))
    expect(picked).toEqual(new Set(['bound to k8s-master', 'bound to k8s-node1', 'bound to k8s-node2']))
  })

  it('spreads pods of one StatefulSet: the node without a sibling wins', () => {
    const sibling = pod('web-0', {}, { app: 'nginx' })
    const d = planScheduling(input(pod('web-1', {}, { app: 'nginx' }), { placed: placed(clusterNodes(), [sibling, 'k8s-node1']), spreadSelector: [{ key: 'app', operator: 'In', values: ['nginx'] }] }), first)
    expect(message(d)).toBe('bound to k8s-node2')
  })

  it('follows a nodeSelector', () => {
    const nodes = withNode(clusterNodes(), 'k8s-node2', label('disktype', 'ssd'))
    expect(message(planScheduling(input(pod('ssd', { nodeSelector: { disktype: 'ssd' } }), { nodes }), first))).toBe('bound to k8s-node2')
  })

  it('counts requests of pods already on a node', () => {
    const d = planScheduling(input(pod('half', requests('3')), { placed: placed(clusterNodes(), [pod('hog', requests('2')), 'k8s-node1']) }), first)
    expect(message(d)).toBe('bound to k8s-node2')
  })
})

describe('planScheduling: WaitForFirstConsumer claims', () => {
  const withClaim = pod('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] })

  it('selects a node for a claim to be provisioned and waits for it to bind', () => {
    const d = planScheduling(input(withClaim, { pvcs: [claim('www-web-0')] }), first)
    expect(d).toMatchObject({ kind: 'bind', node: 'k8s-node1', waitForVolumes: true, volumeActions: [{ kind: 'select-node', node: 'k8s-node1' }] })
  })

  it('keeps to the node a claim was already provisioned for', () => {
    const d = planScheduling(input(withClaim, { pvcs: [claim('www-web-0', {}, { 'volume.kubernetes.io/selected-node': 'k8s-node2' })] }), first)
    expect(d).toMatchObject({ kind: 'bind', node: 'k8s-node2', waitForVolumes: true })
  })

  it('pre-binds a matching static volume on the node it lives on', () => {
    const d = planScheduling(
      input(withClaim, {
        pvcs: [claim('www-web-0', { storageClassName: 'local' })],
        pvs: [volume('local-pv', 'k8s-node2', { storageClassName: 'local' })],
        classes: [STANDARD, storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer')],
      }),
      first,
    )
    expect(d).toMatchObject({ kind: 'bind', node: 'k8s-node2', volumeActions: [{ kind: 'prebind', volume: { metadata: { name: 'local-pv' } } }] })
  })

  it('binds at once when the claim is bound, on the node its volume is pinned to', () => {
    const d = planScheduling(
      input(withClaim, { pvcs: [claim('www-web-0', { volumeName: 'pv-1' }, { 'pv.kubernetes.io/bind-completed': 'yes' })], pvs: [volume('pv-1', 'k8s-node2', {}, 'Bound')] }),
      first,
    )
    expect(d).toEqual({ kind: 'bind', node: 'k8s-node2', volumeActions: [], waitForVolumes: false })
  })
})
