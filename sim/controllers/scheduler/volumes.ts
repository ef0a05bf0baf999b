// The VolumeBinding plugin (pkg/scheduler/framework/plugins/volumebinding: PreFilter, Filter via
// binder.go FindPodVolumes, Reserve/PreBind via AssumePodVolumes/BindPodVolumes), as pure functions.

import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'
import { parseQuantity } from '../../api/quantity'
import { fromLabelSelector, matches } from '../../api/selectors'
import { volumeFitsNode } from './node-affinity'

export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'
const NO_PROVISIONER = 'kubernetes.io/no-provisioner'

// binder.go ConflictReason values, in the order FindPodVolumes reports them.
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict'
export const ERR_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind"
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims'

export interface VolumeWorld {
  pvcs: readonly PersistentVolumeClaim[]
  pvs: readonly PersistentVolume[]
  classes: readonly StorageClass[]
}

/** What the PreFilter decided: nothing to do, a rejection with its message, or the claims sorted by state. */
export type VolumePreFilter =
  | { kind: 'skip' }
  | { kind: 'reject'; message: string }
  | { kind: 'ok'; bound: PersistentVolumeClaim[]; delayed: PersistentVolumeClaim[] }

/** Writes that bind a pod's claims for the chosen node (AssumePodVolumes + BindPodVolumes). */
export type VolumeAction =
  | { kind: 'select-node'; claim: PersistentVolumeClaim; node: string }
  | { kind: 'prebind'; claim: PersistentVolumeClaim; volume: PersistentVolume }

/** A claim whose binding finished (isPVCFullyBound: volumeName set and bind-completed; a Bound phase is accepted too). */
export function claimFullyBound(c: PersistentVolumeClaim): boolean {
  return !!c.spec?.volumeName && (c.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined || c.status?.phase === 'Bound')
}

/**
 * GetPersistentVolumeClaimClass; a claim that never got a class gets the default one (the admission
 * plugin, or the PV controller's retroactive assignment, would have set it).
 */
export function claimClass(c: PersistentVolumeClaim, classes: readonly StorageClass[]): string {
  const beta = c.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class']
  if (beta !== undefined) return beta
  if (c.spec?.storageClassName !== undefined && c.spec.storageClassName !== null) return c.spec.storageClassName
  return classes.find((sc) => sc.metadata?.annotations?.[ANN_DEFAULT_CLASS] === 'true')?.metadata?.name ?? ''
}

function isDelayBinding(c: PersistentVolumeClaim, classes: readonly StorageClass[]): boolean {
  const name = claimClass(c, classes)
  if (!name) return false
  return classes.find((sc) => sc.metadata?.name === name)?.volumeBindingMode === 'WaitForFirstConsumer'
}

/** The claim names a pod's volumes use, with generic ephemeral volumes named <pod>-<volume>. */
function podClaims(pod: Pod): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = []
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false })
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name}-${v.name}`, ephemeral: true })
  }
  return out
}

/** PreFilter: podHasPVCs and GetPodVolumeClaims. Its messages become the whole FailedScheduling reason. */
export function volumePreFilter(pod: Pod, world: VolumeWorld): VolumePreFilter {
  const claims = podClaims(pod)
  if (claims.length === 0) return { kind: 'skip' }
  const ns = pod.metadata?.namespace ?? 'default'
  const found: PersistentVolumeClaim[] = []
  for (const { name, ephemeral } of claims) {
    const pvc = world.pvcs.find((c) => c.metadata?.name === name && (c.metadata?.namespace ?? 'default') === ns)
    if (!pvc) {
      return {
        kind: 'reject',
        message: ephemeral
          ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`
          : `persistentvolumeclaim "${name}" not found`,
      }
    }
    if (pvc.status?.phase === 'Lost') {
      return { kind: 'reject', message: `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"` }
    }
    if (pvc.metadata?.deletionTimestamp) return { kind: 'reject', message: `persistentvolumeclaim "${name}" is being deleted` }
    found.push(pvc)
  }
  const bound: PersistentVolumeClaim[] = []
  const delayed: PersistentVolumeClaim[] = []
  for (const pvc of found) {
    if (claimFullyBound(pvc)) bound.push(pvc)
    // Pre-bound claims (volumeName set) and claims of Immediate classes must already be bound.
    else if (isDelayBinding(pvc, world.classes) && !pvc.spec?.volumeName) delayed.push(pvc)
    else return { kind: 'reject', message: ERR_UNBOUND_IMMEDIATE }
  }
  return { kind: 'ok', bound, delayed }
}

function requestBytes(c: PersistentVolumeClaim): number {
  return parseQuantity(c.spec?.resources?.requests?.storage as string | undefined) ?? 0
}

function boundToClaim(pv: PersistentVolume, c: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef
  if (!ref || ref.name !== c.metadata?.name || (ref.namespace ?? '') !== (c.metadata?.namespace ?? 'default')) return false
  return !ref.uid || ref.uid === c.metadata?.uid
}

/** pvutil.FindMatchingVolume for the scheduler path: the smallest fitting Available volume of the claim's class. */
function findMatchingVolume(c: PersistentVolumeClaim, candidates: readonly PersistentVolume[], node: Node, className: string): PersistentVolume | undefined {
  const want = requestBytes(c)
  const selector = c.spec?.selector ? fromLabelSelector(c.spec.selector) : undefined
  let best: PersistentVolume | undefined
  for (const pv of candidates) {
    if (pv.metadata?.deletionTimestamp) continue
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== (c.spec?.volumeMode ?? 'Filesystem')) continue
    const fits = volumeFitsNode(pv.spec?.nodeAffinity?.required, node)
    if (boundToClaim(pv, c)) return fits ? pv : undefined
    // A new static volume the PV controller has not yet marked Available is taken as available.
    const available = pv.status?.phase === 'Available' || (!pv.status?.phase && !pv.spec?.claimRef)
    if (!available) continue
    if (selector !== undefined && !matches(selector, pv.metadata?.labels)) continue
    if ((pv.spec?.storageClassName ?? '') !== className || !fits) continue
    if (!(c.spec?.accessModes ?? []).every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue
    const size = parseQuantity(pv.spec?.capacity?.storage as string | undefined) ?? 0
    if (size < want) continue
    if (!best || size < (parseQuantity(best.spec?.capacity?.storage as string | undefined) ?? 0)) best = pv
  }
  return best
}

/** Filter (FindPodVolumes) for one node: the conflict reasons, and the writes that would bind the claims there. */
export function volumeFilter(state: VolumePreFilter, node: Node, world: VolumeWorld): { reasons: string[]; actions: VolumeAction[] } {
  if (state.kind !== 'ok') return { reasons: [], actions: [] }
  const nodeName = node.metadata?.name ?? ''
  let boundSatisfied = true
  let pvsFound = true
  let unboundSatisfied = true
  const actions: VolumeAction[] = []
  for (const c of state.bound) {
    const pv = world.pvs.find((v) => v.metadata?.name === c.spec?.volumeName)
    if (!pv) {
      pvsFound = false
      break
    }
    if (!volumeFitsNode(pv.spec?.nodeAffinity?.required, node)) {
      boundSatisfied = false
      break
    }
  }
  const toProvision: PersistentVolumeClaim[] = []
  const toMatch: PersistentVolumeClaim[] = []
  for (const c of state.delayed) {
    const selected = c.metadata?.annotations?.[ANN_SELECTED_NODE]
    if (selected === undefined) toMatch.push(c)
    else if (selected !== nodeName) {
      // A claim already provisioned for another node (fast path in FindPodVolumes).
      unboundSatisfied = false
      toProvision.length = 0
      toMatch.length = 0
      break
    } else toProvision.push(c)
  }
  // Smallest requests first, so each gets the smallest volume that fits (byPVCSize).
  const chosen = new Set<string>()
  for (const c of [...toMatch].sort((a, b) => requestBytes(a) - requestBytes(b))) {
    const className = claimClass(c, world.classes)
    const pv = findMatchingVolume(c, world.pvs.filter((v) => !chosen.has(v.metadata?.name ?? '')), node, className)
    if (pv) {
      chosen.add(pv.metadata?.name ?? '')
      actions.push({ kind: 'prebind', claim: c, volume: pv })
    } else toProvision.push(c)
  }
  for (const c of toProvision) {
    const sc = world.classes.find((s) => s.metadata?.name === claimClass(c, world.classes))
    if (!sc || !sc.provisioner || sc.provisioner === NO_PROVISIONER || !topologyAllows(sc, node)) {
      unboundSatisfied = false
      break
    }
    actions.push({ kind: 'select-node', claim: c, node: nodeName })
  }
  const reasons: string[] = []
  if (!boundSatisfied) reasons.push(ERR_NODE_CONFLICT)
  if (!unboundSatisfied) reasons.push(ERR_BIND_CONFLICT)
  if (!pvsFound) reasons.push(ERR_PV_NOT_EXIST)
  return { reasons, actions: reasons.length ? [] : actions }
}

/** StorageClass allowedTopologies (MatchTopologySelectorTerms): none means anywhere. */
function topologyAllows(sc: StorageClass, node: Node): boolean {
  const terms = sc.allowedTopologies ?? []
  if (terms.length === 0) return true
  const labels = node.metadata?.labels ?? {}
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.key in labels && e.values.includes(labels[e.key])))
}
