// Node selectors: a pod's nodeSelector and required node affinity, and a PersistentVolume's node
// affinity (k8s.io/component-helpers/scheduling/corev1/nodeaffinity: NodeSelector.Match,
// GetRequiredNodeAffinity; storage/volume/util CheckNodeAffinity).

import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1'

type Labels = Readonly<Record<string, string>> | undefined

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      // A bad value makes the requirement (and so the term) fail to match, as a parse error does upstream.
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0])
    }
    default:
      return false
  }
}

/** One term: its label expressions and field expressions are ANDed; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  for (const r of exprs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
    if (!requirementMatches(r, has ? labels![r.key] : undefined)) return false
  }
  for (const r of fields) {
    // The only supported field is metadata.name with In / NotIn.
    if (r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn')) return false
    if (!requirementMatches(r, nodeName)) return false
  }
  return true
}

/** NodeSelector.Match: the terms are ORed. */
export function nodeSelectorMatches(sel: NodeSelector | undefined, nodeName: string, labels: Labels): boolean {
  return (sel?.nodeSelectorTerms ?? []).some((t) => termMatches(t, nodeName, labels))
}

/** The pod's nodeSelector (every key=value) and its required node affinity, as the NodeAffinity filter applies them. */
export function podMatchesNode(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {}
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return true
  return nodeSelectorMatches(required, node.metadata?.name ?? '', labels)
}

/**
 * NodeAffinity PreFilter: terms that name nodes with `metadata.name In (...)` restrict the nodes the
 * filters look at. Undefined when every node is eligible.
 */
export function nodeNamesFromAffinity(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  if (terms.length === 0) return undefined
  let names: Set<string> | undefined
  for (const t of terms) {
    let termNames: Set<string> | undefined
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue
      const s = new Set(r.values ?? [])
      termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)))
    }
    // A term without a node-name requirement makes every node eligible (terms are ORed).
    if (termNames === undefined) return undefined
    names = new Set([...(names ?? []), ...termNames])
  }
  return names
}

/** CheckNodeAffinity for a PersistentVolume: no required node affinity fits every node. */
export function volumeFitsNode(required: NodeSelector | undefined, node: Node): boolean {
  if (!required) return true
  return nodeSelectorMatches(required, node.metadata?.name ?? '', node.metadata?.labels)
}
