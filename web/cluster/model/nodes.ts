// The nodes as a strip above the workloads: kubectl's STATUS cell (Ready, NotReady,
// Ready,SchedulingDisabled), the roles, and how many pods each one runs.

import type { Obj } from '../../../sim'
import { nodeRow } from '../../../sim/kubectl/printers/columns/cluster'
import type { ViewCache } from './memo'
import type { NamespaceIndex } from './snapshot-index'
import type { NodeView } from './types'

export function nodeView(cache: ViewCache, ix: NamespaceIndex, node: Obj<'Node'>, index: number): NodeView {
  const name = node.metadata.name ?? ''
  const pods = ix.podsOnNode.get(name) ?? 0
  const allPods = ix.allPodsOnNode.get(name) ?? 0
  return cache.memo(`node/${node.metadata.uid}`, [node, index, pods, allPods], () => {
    const [, status, roles] = nodeRow(node, 0).map(String)
    return {
      key: node.metadata.uid ?? name,
      ref: { kind: 'Node', namespace: '', name },
      name,
      status,
      ready: status.split(',')[0] === 'Ready',
      schedulable: !node.spec?.unschedulable,
      roles: roles === '<none>' ? '' : roles,
      index,
      pods,
      allPods,
    }
  })
}
