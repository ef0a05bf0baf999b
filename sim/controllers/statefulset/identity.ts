// A StatefulSet pod's identity: its name, ordinal, hostname, labels and claims
// (upstream pkg/controller/statefulset/stateful_set_utils.go).

import { clone } from '../../core/json'
import { newControllerRef } from '../../api/owners'
import type { KubeObject, Obj, PersistentVolumeClaim, Pod, StatefulSet, Volume } from '../../api/types'

export type Set = Obj<'StatefulSet'>

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'
export const REVISION_LABEL = 'controller-revision-hash'

// statefulPodRegex: the parent is everything before the last "-<digits>".
const STATEFUL_POD = /^(.*)-([0-9]+)$/

// A sync asks for the ordinal of every pod several times; the answer depends on the name alone.
const parsedNames = new Map<string, readonly [string, number]>()
const PARSED_NAMES_MAX = 16384

/** getParentNameAndOrdinal: ['', -1] for a name that does not end in -<n> (or overflows int32). */
export function parentAndOrdinal(podName: string): [string, number] {
  let parsed = parsedNames.get(podName)
  if (parsed === undefined) {
    const m = STATEFUL_POD.exec(podName)
    const n = m ? Number(m[2]) : -1
    parsed = m ? [m[1], n <= 2147483647 ? n : -1] : ['', -1]
    if (parsedNames.size >= PARSED_NAMES_MAX) parsedNames.clear()
    parsedNames.set(podName, parsed)
  }
  return [parsed[0], parsed[1]]
}

export function ordinalOf(pod: { metadata?: { name?: string } }): number {
  const name = pod.metadata?.name ?? ''
  return (parsedNames.get(name) ?? parentAndOrdinal(name))[1]
}

export function startOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0
}

export function replicasOf(set: StatefulSet): number {
  return set.spec?.replicas ?? 1
}

export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + replicasOf(set) - 1
}

export function inOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = ordinalOf(pod)
  return o >= startOrdinal(set) && o <= endOrdinal(set)
}

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata!.name}-${ordinal}`
}

/** The claim name `<template>-<set>-<ordinal>` ("used by the heuristics for zone spreading"). */
export function claimName(set: StatefulSet, template: string, ordinal: number): string {
  return `${template}-${set.metadata!.name}-${ordinal}`
}

export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod.metadata?.name ?? '')[0] === set.metadata!.name
}

export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const [parent, ordinal] = parentAndOrdinal(pod.metadata?.name ?? '')
  return (
    ordinal >= 0 &&
    parent === set.metadata!.name &&
    pod.metadata?.name === podName(set, ordinal) &&
    pod.metadata?.namespace === set.metadata!.namespace &&
    pod.metadata?.labels?.[POD_NAME_LABEL] === pod.metadata?.name
  )
}

export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod)
  if (ordinal < 0) return false
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]))
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const v = volumes.get(t.metadata?.name ?? '')
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== claimName(set, t.metadata?.name ?? '', ordinal)) return false
  }
  return true
}

// Claim names per (templates, set name, ordinal): a sync asks for every pod's, on every sync.
const claimNames = new WeakMap<object, { set: string; byOrdinal: Map<number, readonly string[]> }>()
const NO_TEMPLATES: readonly string[] = Object.freeze([])

/** The names of the claims getPersistentVolumeClaims would make for the ordinal, in template order. */
export function claimNamesFor(set: StatefulSet, ordinal: number): readonly string[] {
  const templates = set.spec?.volumeClaimTemplates
  if (!templates || templates.length === 0) return NO_TEMPLATES
  if (!Object.isFrozen(templates)) return buildClaimNames(set, templates, ordinal)
  let c = claimNames.get(templates)
  if (!c || c.set !== set.metadata!.name) claimNames.set(templates, (c = { set: set.metadata!.name!, byOrdinal: new Map() }))
  let names = c.byOrdinal.get(ordinal)
  if (!names) c.byOrdinal.set(ordinal, (names = buildClaimNames(set, templates, ordinal)))
  return names
}

function buildClaimNames(set: StatefulSet, templates: readonly { metadata?: { name?: string } }[], ordinal: number): readonly string[] {
  return Object.freeze(templates.map((t) => claimName(set, t.metadata?.name ?? '', ordinal)))
}

/**
 * getPersistentVolumeClaims: one claim per template, named for the ordinal; labels are the template's
 * labels with the selector's matchLabels merged in (matchExpressions are ignored).
 */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const c = clone(t) as PersistentVolumeClaim & { metadata: NonNullable<PersistentVolumeClaim['metadata']> }
    const meta = { ...(c.metadata ?? {}) }
    meta.name = claimName(set, t.metadata?.name ?? '', ordinal)
    meta.namespace = set.metadata!.namespace
    meta.labels = { ...(meta.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) }
    return { ...c, apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta }
  })
}

/** updateStorage: a PVC volume per template (replacing same-named template volumes), then the rest. */
export function withStorage(set: StatefulSet, pod: Pod): Pod {
  const ordinal = ordinalOf(pod)
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '')
  const claimVolumes: Volume[] = templates.map((t) => ({
    name: t,
    persistentVolumeClaim: { claimName: claimName(set, t, ordinal) },
  }))
  const others = (pod.spec?.volumes ?? []).filter((v) => !templates.includes(v.name))
  const volumes = [...claimVolumes, ...others]
  return { ...pod, spec: { ...pod.spec!, volumes: volumes.length ? volumes : undefined } }
}

/** updateIdentity: name, namespace and the pod-name / pod-index labels. */
export function withIdentity(set: StatefulSet, pod: Pod): Pod {
  const ordinal = ordinalOf(pod)
  const name = podName(set, ordinal)
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      name,
      namespace: set.metadata!.namespace,
      labels: { ...(pod.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    },
  }
}

/**
 * newStatefulSetPod: the pod from the template (controller.GetPodFromTemplate: labels, annotations,
 * finalizers, generateName `<set>-`, controller ref), then its identity and storage. hostname and
 * subdomain are set only here, at creation ("immutable fields only on initial Pod creation").
 */
export function newStatefulSetPod(set: Set, ordinal: number): Pod {
  const t = set.spec?.template ?? {}
  const base: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(set, ordinal),
      generateName: `${set.metadata.name}-`,
      labels: t.metadata?.labels ? { ...t.metadata.labels } : undefined,
      annotations: t.metadata?.annotations ? { ...t.metadata.annotations } : undefined,
      finalizers: t.metadata?.finalizers ? [...t.metadata.finalizers] : undefined,
      ownerReferences: [newControllerRef(set as unknown as KubeObject)],
    },
    spec: clone(t.spec) ?? { containers: [] },
  }
  const withId = withIdentity(set, base)
  withId.spec = { ...withId.spec!, hostname: withId.metadata!.name, subdomain: set.spec?.serviceName || undefined }
  return withStorage(set, withId)
}

export function podRevision(pod: Pod): string {
  return pod.metadata?.labels?.[REVISION_LABEL] ?? ''
}

export function withRevision(pod: Pod, revision: string): Pod {
  return { ...pod, metadata: { ...pod.metadata, labels: { ...(pod.metadata?.labels ?? {}), [REVISION_LABEL]: revision } } }
}

/**
 * newVersionedStatefulSetPod: which template a (re)created pod gets. The condition is upstream's,
 * operator precedence included: with a partition, ordinals below it get the current revision.
 */
export function newVersionedPod(currentSet: Set, updateSet: Set, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const strategy = currentSet.spec?.updateStrategy
  const start = startOrdinal(currentSet)
  const useCurrent =
    (strategy?.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (strategy?.rollingUpdate !== undefined && ordinal < start + (strategy.rollingUpdate.partition ?? 0))
  return useCurrent
    ? withRevision(newStatefulSetPod(currentSet, ordinal), currentRevision)
    : withRevision(newStatefulSetPod(updateSet, ordinal), updateRevision)
}
