// The API server's indexes over stored objects (upstream: the informer cache's Indexers, which every
// controller uses instead of listing everything): objects by the value of a field (pods by node,
// events by the object they are about), by the claims, ConfigMaps and Secrets a pod uses, and the objects no controller
// owns (the orphans a controller may adopt). They hold store keys (`namespace/name`); the server turns
// them into objects in the order it promises.

import type { Kind } from './kinds'
import type { KubeObject, OwnerReference } from './types'

/** A field's value as a field selector compares it: '' when absent, else the value as a string. */
export function fieldValue(o: KubeObject, path: string): string {
  let cur: unknown = o
  let parts = splitPaths.get(path)
  if (parts === undefined) splitPaths.set(path, (parts = path.split('.')))
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return ''
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur === undefined || cur === null ? '' : String(cur)
}

// Field paths come from a handful of indexers and field selectors; split each once.
const splitPaths = new Map<string, string[]>()

/** The values an object is indexed under, and the top-level member they are read from. */
interface Indexer {
  values: (o: KubeObject) => readonly string[]
  /** An update that keeps this member (the same stored object) keeps the values. */
  from: string
}

const field = (path: string): Indexer => ({ values: (o) => [fieldValue(o, path)], from: path.slice(0, path.indexOf('.')) })

interface PodLike {
  metadata: { name?: string }
  spec?: { volumes?: readonly { name: string; persistentVolumeClaim?: { claimName?: string }; ephemeral?: unknown }[] }
}

/** The claims a pod's volumes name: persistentVolumeClaim volumes and generic ephemeral ones (`<pod>-<volume>`). */
function podClaimNames(o: KubeObject): string[] {
  const out: string[] = []
  for (const v of (o as unknown as PodLike).spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName ? v.persistentVolumeClaim.claimName : v.ephemeral ? `${o.metadata.name}-${v.name}` : undefined
    if (name && !out.includes(name)) out.push(name)
  }
  return out
}

interface SourceRefs {
  configMap?: { name?: string }
  secret?: { secretName?: string; name?: string }
  projected?: { sources?: readonly { configMap?: { name?: string }; secret?: { name?: string } }[] }
}
interface EnvRefs {
  envFrom?: readonly { configMapRef?: { name?: string }; secretRef?: { name?: string } }[]
  env?: readonly { valueFrom?: { configMapKeyRef?: { name?: string }; secretKeyRef?: { name?: string } } }[]
}
interface PodSources {
  spec?: { volumes?: readonly SourceRefs[]; initContainers?: readonly EnvRefs[]; containers?: readonly EnvRefs[] }
}

/**
 * The ConfigMaps (or Secrets) a pod reads: through volumes (projected ones too), envFrom and env
 * valueFrom, in init and app containers. The kubelet wakes exactly these pods when one changes.
 */
function podSourceNames(kind: 'ConfigMap' | 'Secret'): (o: KubeObject) => string[] {
  const cm = kind === 'ConfigMap'
  return (o) => {
    const out: string[] = []
    const add = (name: string | undefined) => {
      if (name && !out.includes(name)) out.push(name)
    }
    const spec = (o as unknown as PodSources).spec
    for (const v of spec?.volumes ?? []) {
      add(cm ? v.configMap?.name : v.secret?.secretName)
      for (const s of v.projected?.sources ?? []) add(cm ? s.configMap?.name : s.secret?.name)
    }
    for (const list of [spec?.initContainers, spec?.containers]) {
      for (const c of list ?? []) {
        for (const f of c.envFrom ?? []) add(cm ? f.configMapRef?.name : f.secretRef?.name)
        for (const e of c.env ?? []) add(cm ? e.valueFrom?.configMapKeyRef?.name : e.valueFrom?.secretKeyRef?.name)
      }
    }
    return out
  }
}

/** Index names: a field path (then `list` with that field selector uses it) or a named relation. */
export const INDEXERS: Partial<Record<Kind, Readonly<Record<string, Indexer>>>> = {
  // A pod's name never changes, so its claims follow its volumes.
  Pod: {
    'spec.nodeName': field('spec.nodeName'),
    claimName: { values: podClaimNames, from: 'spec' },
    configMapName: { values: podSourceNames('ConfigMap'), from: 'spec' },
    secretName: { values: podSourceNames('Secret'), from: 'spec' },
  },
  Event: { 'involvedObject.uid': field('involvedObject.uid') },
  PersistentVolumeClaim: { 'spec.volumeName': field('spec.volumeName') },
  PersistentVolume: { 'spec.claimRef.name': field('spec.claimRef.name'), 'status.phase': field('status.phase') },
}

function isController(ref: OwnerReference): boolean {
  return ref.controller === true
}

function isOrphanObject(o: KubeObject): boolean {
  return !(o.metadata.ownerReferences ?? []).some(isController)
}

/** Each kind's indexers as a list (every write walks it). */
const INDEXER_LISTS = new Map<Kind, readonly (readonly [string, Indexer])[]>(
  Object.entries(INDEXERS).map(([kind, byName]) => [kind as Kind, Object.entries(byName)]),
)

export class StoreIndexes {
  // kind -> index name -> value -> store keys
  private readonly values = new Map<Kind, Map<string, Map<string, Set<string>>>>()
  // kind -> store keys of objects without a controller reference. Kept only for the kinds some
  // controller has asked about (the ones it may adopt): most writes are Events, which none adopts.
  private readonly orphaned = new Map<Kind, Set<string>>()

  clear(): void {
    this.values.clear()
    this.orphaned.clear()
  }

  /** Moves `key` from what `old` was indexed under to what `obj` is (either may be absent). */
  update(kind: Kind, key: string, old: KubeObject | undefined, obj: KubeObject | undefined): void {
    const indexers = INDEXER_LISTS.get(kind)
    if (indexers !== undefined) {
      let byIndex = this.values.get(kind)
      if (!byIndex) this.values.set(kind, (byIndex = new Map()))
      for (let i = 0; i < indexers.length; i++) {
        const [name, { values, from }] = indexers[i]
        if (old && obj && (old as unknown as Record<string, unknown>)[from] === (obj as unknown as Record<string, unknown>)[from]) continue
        const before = old ? values(old) : []
        const after = obj ? values(obj) : []
        if (before.length === after.length && before.every((v, i) => v === after[i])) continue
        let byValue = byIndex.get(name)
        if (!byValue) byIndex.set(name, (byValue = new Map()))
        for (const v of before) {
          if (after.includes(v)) continue
          const keys = byValue.get(v)
          keys?.delete(key)
          if (keys?.size === 0) byValue.delete(v)
        }
        for (const v of after) {
          if (before.includes(v)) continue
          let keys = byValue.get(v)
          if (!keys) byValue.set(v, (keys = new Set()))
          keys.add(key)
        }
      }
    }
    const orphans = this.orphaned.get(kind)
    if (orphans === undefined) return
    if (old !== undefined && obj !== undefined && old.metadata.ownerReferences === obj.metadata.ownerReferences) return
    const wasOrphan = old !== undefined && isOrphanObject(old)
    const isOrphan = obj !== undefined && isOrphanObject(obj)
    if (wasOrphan === isOrphan) return
    if (isOrphan) orphans.add(key)
    else orphans.delete(key)
  }

  has(kind: Kind, index: string): boolean {
    return INDEXERS[kind]?.[index] !== undefined
  }

  /** Store keys of the objects of `kind` indexed under `value`. */
  lookup(kind: Kind, index: string, value: string): ReadonlySet<string> {
    return this.values.get(kind)?.get(index)?.get(value) ?? EMPTY
  }

  /**
   * Store keys of the objects of `kind` that no controller owns. The first question about a kind
   * finds them among `stored` (the kind's objects by key); from then on writes keep the answer.
   */
  orphans(kind: Kind, stored: ReadonlyMap<string, KubeObject>): ReadonlySet<string> {
    let orphans = this.orphaned.get(kind)
    if (orphans === undefined) {
      orphans = new Set()
      for (const [key, o] of stored) if (isOrphanObject(o)) orphans.add(key)
      this.orphaned.set(kind, orphans)
    }
    return orphans
  }
}

const EMPTY: ReadonlySet<string> = new Set()
