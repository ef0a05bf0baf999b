// What a sync reads of each pod, worked out once per stored pod object. Stored objects are frozen and
// a write stores a new object, so an answer kept against the object (a WeakMap) stays right for as
// long as the object is the stored one. A large set is synced after every change to any of its pods
// (upstream does the same: one sync reads every pod), so without this each sync would redo the same
// checks for every pod and settling n pods would cost n² of them.

import { isPodReady } from '../../api/pod-util'
import type { ApiServer } from '../../api/server'
import { storeKey } from '../../api/object-store'
import { fromLabelSelector, matches } from '../../api/selectors'
import type { LabelSelector, PersistentVolumeClaim, Pod } from '../../api/types'
import { claimNamesFor, identityMatches, isMemberOf, ordinalOf, podRevision, storageMatches, type Set } from './identity'
import { isClaimOwnerUpToDate } from './retention'

export interface PodFacts {
  ordinal: number
  /** Has a phase (pods the plan makes locally have none). */
  created: boolean
  failed: boolean
  succeeded: boolean
  pending: boolean
  terminating: boolean
  /** The Ready condition is True. */
  ready: boolean
  /** Running, with the Ready condition True. */
  runningAndReady: boolean
  revision: string
}

const facts = new WeakMap<Pod, PodFacts>()

/** The facts of a pod, worked out afresh (a caller that keeps its own per-pod record stores them there). */
export function computeFacts(p: Pod): PodFacts {
  const phase = p.status?.phase ?? ''
  const ready = isPodReady(p)
  return {
    ordinal: ordinalOf(p),
    created: phase !== '',
    failed: phase === 'Failed',
    succeeded: phase === 'Succeeded',
    pending: phase === 'Pending',
    terminating: !!p.metadata?.deletionTimestamp,
    ready,
    runningAndReady: phase === 'Running' && ready,
    revision: podRevision(p),
  }
}

/** The pod's facts; kept only for frozen (stored) pods, whose fields cannot change under the cache. */
export function podFacts(p: Pod): PodFacts {
  let f = facts.get(p)
  if (f === undefined) {
    f = computeFacts(p)
    if (Object.isFrozen(p)) facts.set(p, f)
  }
  return f
}

// identityMatches && storageMatches read the set's name, namespace and claim templates only.
const shape = new WeakMap<Pod, { name: string; namespace: string | undefined; templates: unknown; ok: boolean }>()

/** identityMatches(set, pod) && storageMatches(set, pod). */
export function identityAndStorageMatch(set: Set, pod: Pod): boolean {
  const c = shape.get(pod)
  const templates = set.spec?.volumeClaimTemplates
  if (c && c.name === set.metadata.name && c.namespace === set.metadata.namespace && c.templates === templates) return c.ok
  const ok = identityMatches(set, pod) && storageMatches(set, pod)
  if (Object.isFrozen(pod)) shape.set(pod, { name: set.metadata.name!, namespace: set.metadata.namespace, templates, ok })
  return ok
}

// claimPods' membership test reads the selector and the set's name.
const membership = new WeakMap<Pod, { selector: LabelSelector | undefined; name: string; wanted: boolean }>()

/** The pod matches the set's selector and is named like one of its pods. */
export function isWanted(set: Set, pod: Pod): boolean {
  const sel = set.spec?.selector
  const c = membership.get(pod)
  if (c && c.selector === sel && c.name === set.metadata.name && sel !== undefined) return c.wanted
  const wanted = matches(fromLabelSelector(sel), pod.metadata?.labels) && isMemberOf(set, pod)
  if (Object.isFrozen(pod) && sel !== undefined && Object.isFrozen(sel)) membership.set(pod, { selector: sel, name: set.metadata.name!, wanted })
  return wanted
}

/**
 * The set's claims by name, from the API server's store. A sync looks up every pod's claims; the
 * verdicts below keep each claim's store key, so a lookup is one Map read of a string already hashed.
 */
export class ClaimLookup {
  private readonly claims: ReadonlyMap<string, PersistentVolumeClaim>
  private readonly prefix: string
  constructor(api: ApiServer, namespace: string) {
    this.claims = api.byKey('PersistentVolumeClaim')
    this.prefix = storeKey('PersistentVolumeClaim', namespace, '')
  }
  get(name: string): PersistentVolumeClaim | undefined {
    return this.claims.get(this.prefix + name)
  }
  keyOf(name: string): string {
    return this.prefix + name
  }
  byKey(key: string): PersistentVolumeClaim | undefined {
    return this.claims.get(key)
  }
}

interface ClaimsVerdict {
  uid: string | undefined
  name: string
  policy: unknown
  replicas: number | undefined
  start: number | undefined
  claims: (PersistentVolumeClaim | undefined)[]
  /** The claims' store keys when they came from a ClaimLookup. */
  keys: readonly string[] | undefined
  /** Every claim's owner references are as the policy wants them. */
  ok: boolean
  /** Every claim exists and none is being deleted. */
  live: boolean
}
const claimVerdicts = new WeakMap<Pod, ClaimsVerdict>()

export type Claims = { get(name: string): PersistentVolumeClaim | undefined }

/**
 * Every existing claim of the pod has the owner references the retention policy wants
 * (isClaimOwnerUpToDate), given the live claims `claims` returns. The answer depends on the claims as
 * stored, the pod, and the set's name, uid, retention policy and ordinal range.
 */
export function podClaimsUpToDate(set: Set, pod: Pod, claims: Claims): boolean {
  return claimsVerdict(set, pod, claims).ok
}

/** The pod's claims all exist, none is being deleted, and their owner references are up to date. */
export function podClaimsInPlace(set: Set, pod: Pod, claims: Claims): boolean {
  const v = claimsVerdict(set, pod, claims)
  return v.ok && v.live
}

function claimsVerdict(set: Set, pod: Pod, claims: Claims): ClaimsVerdict {
  const names = claimNamesFor(set, podFacts(pod).ordinal)
  const spec = set.spec
  const c = claimVerdicts.get(pod)
  if (
    c !== undefined &&
    c.uid === set.metadata.uid &&
    c.name === set.metadata.name &&
    c.policy === spec?.persistentVolumeClaimRetentionPolicy &&
    c.replicas === spec?.replicas &&
    c.start === spec?.ordinals?.start &&
    c.claims.length === names.length &&
    sameClaims(c, names, claims)
  ) {
    return c
  }
  const live = names.map((name) => claims.get(name))
  let ok = true
  let present = true
  let frozen = Object.isFrozen(pod)
  for (const claim of live) {
    if (claim === undefined) {
      present = false
      continue
    }
    if (!Object.isFrozen(claim)) frozen = false
    if (claim.metadata?.deletionTimestamp) present = false
    if (ok && !isClaimOwnerUpToDate(claim, set, pod)) ok = false
  }
  const v: ClaimsVerdict = {
    uid: set.metadata.uid,
    name: set.metadata.name!,
    policy: spec?.persistentVolumeClaimRetentionPolicy,
    replicas: spec?.replicas,
    start: spec?.ordinals?.start,
    claims: live,
    keys: claims instanceof ClaimLookup ? names.map((n) => claims.keyOf(n)) : undefined,
    ok,
    live: present,
  }
  if (frozen) claimVerdicts.set(pod, v)
  return v
}

function sameClaims(c: ClaimsVerdict, names: readonly string[], claims: Claims): boolean {
  const seen = c.claims
  if (c.keys !== undefined && claims instanceof ClaimLookup) {
    for (let i = 0; i < seen.length; i++) if (claims.byKey(c.keys[i]) !== seen[i]) return false
    return true
  }
  for (let i = 0; i < names.length; i++) if (claims.get(names[i]) !== seen[i]) return false
  return true
}

/**
 * What a sync reads of one of the set's pods. The controller's pod table (pod-table.ts) keeps rows
 * from watch events and answers from them; PlainRow answers from the pod and the caches above.
 */
export interface PodRow {
  readonly pod: Pod
  readonly facts: PodFacts
  /** identityAndStorageMatch(set, pod) && podClaimsUpToDate(updateSet, pod, claims): nothing to repair. */
  settled(set: Set, updateSet: Set, claims: Claims): boolean
  /** podClaimsUpToDate(set, pod, claims). */
  claimsUpToDate(set: Set, claims: Claims): boolean
  /** podClaimsInPlace(set, pod, claims). */
  claimsInPlace(set: Set, claims: Claims): boolean
}

export class PlainRow implements PodRow {
  readonly facts: PodFacts
  constructor(readonly pod: Pod) {
    this.facts = podFacts(pod)
  }
  settled(set: Set, updateSet: Set, claims: Claims): boolean {
    return identityAndStorageMatch(set, this.pod) && podClaimsUpToDate(updateSet, this.pod, claims)
  }
  claimsUpToDate(set: Set, claims: Claims): boolean {
    return podClaimsUpToDate(set, this.pod, claims)
  }
  claimsInPlace(set: Set, claims: Claims): boolean {
    return podClaimsInPlace(set, this.pod, claims)
  }
}
