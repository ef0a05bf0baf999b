// The API server's storage: each kind's objects by key, in etcd order when listed, with the indexes
// the server keeps (fields, owners, orphans) and the claimable() answers cached between ownership
// changes. No admission, no resourceVersions, no watch: server.ts does those and stores through here.

import { deepEqual } from '../core/json'
import { insertSorted, removeSorted } from '../core/sorted'
import { fieldValue, StoreIndexes } from './indexes'
import { type Kind, type KindInfo, kindInfo, KINDS } from './kinds'
import { matches, type Selector } from './selectors'
import type { KubeObject, Obj } from './types'

export interface ListOptions {
  namespace?: string
  selector?: Selector
  /** Field conditions, e.g. {'spec.nodeName': 'k8s-node1'}; '!' prefix on a value negates. */
  fields?: Readonly<Record<string, string>>
}

interface KindStore {
  namespaced: boolean
  objects: Map<string, KubeObject>
  sortedKeys: string[] | null
  /** When each key entered `objects` (its place in the Map's iteration order). */
  position: Map<string, number>
  /** Bumped when an object of the kind is created, removed or changes its owner references. */
  ownership: number
  /** Bumped on every change to the kind's objects (a list of the kind is the same while it holds). */
  writes: number
  /** The same objects by namespace, then name: get() looks up without building a key string. */
  byNamespace: Map<string, Map<string, KubeObject>>
  /** claimable() answers by `namespace/ownerUid`, valid while `ownership` is unchanged. */
  claimable: Map<string, { ownership: number; keys: string[] }>
}

export class ObjectStore {
  private stores = new Map<Kind, KindStore>()
  private owned = new Map<string, Set<string>>() // owner uid -> "Kind/ns/name" of dependents
  private indexes = new StoreIndexes()
  private positions = 0

  constructor() {
    for (const k of KINDS) this.stores.set(k.kind, { namespaced: k.namespaced, objects: new Map(), sortedKeys: null, position: new Map(), ownership: 0, writes: 0, byNamespace: new Map(), claimable: new Map() })
  }

  get<K extends Kind>(kind: K, namespace: string, name: string): Obj<K> | undefined {
    const s = this.store(kind)
    return (s.namespaced ? s.byNamespace.get(namespace)?.get(name) : s.objects.get(name)) as Obj<K> | undefined
  }

  /**
   * The kind's objects by store key (`namespace/name`, or the name for cluster-scoped kinds), for a
   * controller that looks the same objects up on every sync: it can keep the keys (storeKey) instead
   * of building and hashing a fresh string per lookup. Read-only; unordered.
   */
  byKey<K extends Kind>(kind: K): ReadonlyMap<string, Obj<K>> {
    return this.store(kind).objects as unknown as ReadonlyMap<string, Obj<K>>
  }

  /** Objects of a kind in etcd order (`namespace/name`, byte order), as a real list returns them. */
  list<K extends Kind>(kind: K, opts: ListOptions = {}): Obj<K>[] {
    const s = this.store(kind)
    const out: Obj<K>[] = []
    const prefix = opts.namespace !== undefined && kindInfo(kind).namespaced ? `${opts.namespace}/` : undefined
    // A field condition the server indexes narrows the keys to look at (sorted, so the order is the same).
    let keys: readonly string[] | undefined
    let fields = opts.fields
    for (const path in opts.fields ?? {}) {
      const want = opts.fields![path]
      if (want.startsWith('!') || !this.indexes.has(kind, path)) continue
      keys = [...this.indexes.lookup(kind, path, want)].sort(byteOrder)
      // The index answered this condition; a lone condition leaves nothing to check per object.
      if (Object.keys(opts.fields!).length === 1) fields = undefined
      break
    }
    if (!keys) {
      if (!s.sortedKeys) s.sortedKeys = [...s.objects.keys()].sort(byteOrder)
      keys = s.sortedKeys
    }
    for (const k of keys) {
      if (prefix && !k.startsWith(prefix)) continue
      const o = s.objects.get(k)!
      if (opts.selector !== undefined && !matches(opts.selector, o.metadata.labels)) continue
      if (fields && !fieldsMatch(o, fields)) continue
      out.push(o as Obj<K>)
    }
    return out
  }

  /** Unordered iteration for controllers that do not need etcd order. */
  *each<K extends Kind>(kind: K, namespace?: string): IterableIterator<Obj<K>> {
    for (const o of this.store(kind).objects.values()) {
      if (namespace === undefined || o.metadata.namespace === namespace) yield o as Obj<K>
    }
  }

  /** Changes with every write to the kind: equal counts mean an equal list. */
  writesTo(kind: Kind): number {
    return this.store(kind).writes
  }

  count(kind: Kind): number {
    return this.store(kind).objects.size
  }

  /** Objects of `kind` under `value` in one of the server's indexes (indexes.ts), in etcd order. */
  byIndex<K extends Kind>(kind: K, index: string, value: string): Obj<K>[] {
    if (!this.indexes.has(kind, index)) throw new Error(`no index ${index} for ${kind}`)
    const s = this.store(kind)
    return [...this.indexes.lookup(kind, index, value)].sort(byteOrder).map((k) => s.objects.get(k) as Obj<K>)
  }

  /**
   * The objects of `kind` in `namespace` that a controller's ref manager looks at (ClaimObject): those
   * `ownerUid` controls and those no controller owns (which it may adopt), in the order `each` yields
   * them. Saves scanning every object of the kind on every sync.
   */
  claimable<K extends Kind>(kind: K, namespace: string, ownerUid: string): Obj<K>[] {
    const s = this.store(kind)
    // Which keys qualify changes only when objects of the kind come, go or change owners; between
    // such writes the answer is the same keys (their objects may be newer).
    const cacheKey = `${namespace}/${ownerUid}`
    const cached = s.claimable.get(cacheKey)
    if (cached && cached.ownership === s.ownership) return cached.keys.map((k) => s.objects.get(k) as Obj<K>)
    const found = this.findClaimable(kind, namespace, ownerUid)
    s.claimable.set(cacheKey, { ownership: s.ownership, keys: found.map((f) => f.k) })
    return found.map((f) => f.o as Obj<K>)
  }

  private findClaimable(kind: Kind, namespace: string, ownerUid: string): { k: string; o: KubeObject }[] {
    const s = this.store(kind)
    const info = kindInfo(kind)
    const found: { at: number; k: string; o: KubeObject }[] = []
    const consider = (k: string, o: KubeObject | undefined) => {
      if (o && o.metadata.namespace === namespace) found.push({ at: s.position.get(k)!, k, o })
    }
    for (const ref of this.owned.get(ownerUid) ?? []) {
      const [rk, ns, name] = splitRef(ref)
      if (rk !== kind) continue
      const k = key(info, ns, name)
      const o = s.objects.get(k)
      if (o && o.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === ownerUid)) consider(k, o)
    }
    const prefix = info.namespaced ? `${namespace}/` : ''
    for (const k of this.indexes.orphans(kind, s.objects)) if (k.startsWith(prefix)) consider(k, s.objects.get(k))
    return found.sort((a, b) => a.at - b.at)
  }

  /** Objects of `kind` that list `ownerUid` in their ownerReferences. */
  dependents<K extends Kind>(ownerUid: string, kind?: K): Obj<K>[] {
    const out: Obj<K>[] = []
    for (const ref of this.owned.get(ownerUid) ?? []) {
      const [k, ns, name] = splitRef(ref)
      if (kind && k !== kind) continue
      const o = this.get(k, ns, name)
      if (o) out.push(o as Obj<K>)
    }
    return out
  }

  has(k: KindInfo, namespace: string, name: string): boolean {
    const s = this.store(k.kind)
    return s.namespaced ? s.byNamespace.get(namespace)?.has(name) === true : s.objects.has(name)
  }

  /** Forgets every object (a restore loads them again). */
  clear(): void {
    for (const s of this.stores.values()) {
      s.objects.clear()
      s.byNamespace.clear()
      s.sortedKeys = null
      s.position.clear()
      s.ownership++
      s.writes++
      s.claimable.clear()
    }
    this.owned.clear()
    this.indexes.clear()
  }

  private store(kind: Kind): KindStore {
    const s = this.stores.get(kind)
    if (!s) throw new Error(`unknown kind ${kind}`)
    return s
  }

  /** Stores a sealed object (new, or the next version of a stored one). */
  put(k: KindInfo, frozen: KubeObject): KubeObject {
    const s = this.store(k.kind)
    const kk = key(k, frozen.metadata.namespace ?? '', frozen.metadata.name!)
    const old = s.objects.get(kk)
    s.writes++
    if (!old) {
      // The sorted key list is kept up to date as objects come, rather than sorted again on the next
      // list after every create (which made creating n objects between lists cost n² log n).
      if (s.sortedKeys) insertSorted(s.sortedKeys, kk, byteOrder)
      s.position.set(kk, this.positions++)
    }
    // Most writes keep the owner references: the owner index then stays as it is.
    const sameOwners = old !== undefined && deepEqual(old.metadata.ownerReferences, frozen.metadata.ownerReferences)
    if (!sameOwners) {
      s.ownership++
      if (s.claimable.size > 0) s.claimable.clear()
    }
    if (old && !sameOwners) this.unindex(k.kind, old)
    s.objects.set(kk, frozen)
    if (s.namespaced) {
      const ns = frozen.metadata.namespace ?? ''
      let names = s.byNamespace.get(ns)
      if (!names) s.byNamespace.set(ns, (names = new Map()))
      names.set(frozen.metadata.name!, frozen)
    }
    if (!sameOwners) this.index(k.kind, frozen)
    this.indexes.update(k.kind, kk, old, frozen)
    return frozen
  }

  remove(k: KindInfo, stored: KubeObject): void {
    const s = this.store(k.kind)
    const kk = key(k, stored.metadata.namespace ?? '', stored.metadata.name!)
    s.objects.delete(kk)
    if (s.namespaced) {
      const ns = stored.metadata.namespace ?? ''
      const names = s.byNamespace.get(ns)
      names?.delete(stored.metadata.name!)
      if (names?.size === 0) s.byNamespace.delete(ns)
    }
    s.position.delete(kk)
    s.ownership++
    s.writes++
    s.claimable.clear()
    if (s.sortedKeys) removeSorted(s.sortedKeys, kk, byteOrder)
    this.unindex(k.kind, stored)
    this.indexes.update(k.kind, kk, stored, undefined)
  }

  private index(kind: Kind, o: KubeObject): void {
    for (const ref of o.metadata.ownerReferences ?? []) {
      let set = this.owned.get(ref.uid)
      if (!set) this.owned.set(ref.uid, (set = new Set()))
      set.add(refKey(kind, o.metadata.namespace ?? '', o.metadata.name!))
    }
  }

  private unindex(kind: Kind, o: KubeObject): void {
    for (const ref of o.metadata.ownerReferences ?? []) {
      const set = this.owned.get(ref.uid)
      if (!set) continue
      set.delete(refKey(kind, o.metadata.namespace ?? '', o.metadata.name!))
      if (set.size === 0) this.owned.delete(ref.uid)
    }
  }
}

/** The key an object of `kind` is stored under (the keys of byKey). */
export function storeKey(kind: Kind, namespace: string, name: string): string {
  return key(kindInfo(kind), namespace, name)
}

function key(k: KindInfo, namespace: string, name: string): string {
  return k.namespaced ? `${namespace}/${name}` : name
}

function refKey(kind: Kind, ns: string, name: string): string {
  return `${kind}/${ns}/${name}`
}

function splitRef(ref: string): [Kind, string, string] {
  const a = ref.indexOf('/')
  const b = ref.indexOf('/', a + 1)
  return [ref.slice(0, a) as Kind, ref.slice(a + 1, b), ref.slice(b + 1)]
}

/** etcd keys compare as bytes; for the ASCII names Kubernetes allows that is code-unit order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function fieldsMatch(o: KubeObject, fields: Readonly<Record<string, string>>): boolean {
  for (const [path, want] of Object.entries(fields)) {
    const v = fieldValue(o, path)
    if (want.startsWith('!') ? v === want.slice(1) : v !== want) return false
  }
  return true
}
