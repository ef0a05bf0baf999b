// The in-memory API server: the single write path of the simulation. Every write is defaulted and
// validated by the kind's strategy, bumps resourceVersion, lands in the audit log and is delivered to
// watchers. Stored objects are frozen; callers write with fresh copies (`{...obj, spec: {...}}`).

import type { Clock } from '../core/clock'
import type { Rng } from '../core/rng'
import { clone, cloneShared, cloneWithout, deepEqual, overlay, seal, shareEqual } from '../core/json'
import { rfc3339 } from '../core/time'
import { ApiError, alreadyExists, conflict, forbidden, invalid, notFound } from './errors'
import { fieldError, type FieldError } from './field-errors'
import { type Kind, type KindInfo, kindFor, kindInfo, KINDS } from './kinds'
import type { KindStrategy, StrategyContext, StrategyRegistry } from './strategy'
import type { Actor, AuditEntry, KindMap, KubeObject, Obj, ObjectRef, WatchEvent } from './types'
import { WatchHub, type WatchHandler } from './watch-hub'
import { applyPatch, type PatchType } from './patch'
import { decodeBody, type FieldValidation } from './schema/field-validation'
import { validatePatched } from './patch-validation'
import { ObjectStore, type ListOptions } from './object-store'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface WriteOptions {
  actor: Actor
  /** Run admission and validation but store nothing (kubectl --dry-run=server). */
  dryRun?: boolean
  /**
   * Server-side field validation of the request body (kubectl's --validate: Strict by default).
   * Absent for the simulation's own components, which never send unknown fields.
   */
  fieldValidation?: FieldValidation
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy
  gracePeriodSeconds?: number
  /** Delete only if the stored object still has this uid (metav1.Preconditions). */
  uid?: string
}

export type { WatchHandler }

export interface WriteResult<T> {
  object: T
  warnings: string[]
}

export const FINALIZER_ORPHAN = 'orphan'
export const FINALIZER_FOREGROUND = 'foregroundDeletion'

export class ApiServer {
  private objects = new ObjectStore()
  private readonly hub = new WatchHub()
  private rv = 0
  private lastWarnings: string[] = []
  readonly audit: AuditEntry[] = []

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly strategies: StrategyRegistry = {},
  ) {
  }

  // ---------------------------------------------------------------- reads (object-store.ts has them)

  get<K extends Kind>(kind: K, namespace: string, name: string): Obj<K> | undefined {
    return this.objects.get(kind, namespace, name)
  }

  /** The kind's objects by store key, read-only (object-store.ts byKey); keys from storeKey. */
  byKey<K extends Kind>(kind: K): ReadonlyMap<string, Obj<K>> {
    return this.objects.byKey(kind)
  }

  /** Like get, but throws the server's NotFound error. */
  read<K extends Kind>(kind: K, namespace: string, name: string): Obj<K> {
    const o = this.get(kind, namespace, name)
    if (!o) throw notFound(kind, name)
    return o
  }

  /** Objects of a kind in etcd order (`namespace/name`, byte order), as a real list returns them. */
  list<K extends Kind>(kind: K, opts: ListOptions = {}): Obj<K>[] {
    return this.objects.list(kind, opts)
  }

  each<K extends Kind>(kind: K, namespace?: string): IterableIterator<Obj<K>> {
    return this.objects.each(kind, namespace)
  }

  count(kind: Kind): number {
    return this.objects.count(kind)
  }

  /** Changes with every write to the kind (for a reader that keeps a list of it between writes). */
  writesTo(kind: Kind): number {
    return this.objects.writesTo(kind)
  }

  byIndex<K extends Kind>(kind: K, index: string, value: string): Obj<K>[] {
    return this.objects.byIndex(kind, index, value)
  }

  /** Those objects of `kind` in `namespace` that `ownerUid` controls or no controller owns (object-store.ts). */
  claimable<K extends Kind>(kind: K, namespace: string, ownerUid: string): Obj<K>[] {
    return this.objects.claimable(kind, namespace, ownerUid)
  }

  dependents<K extends Kind>(ownerUid: string, kind?: K): Obj<K>[] {
    return this.objects.dependents(ownerUid, kind)
  }

  resourceVersion(): string {
    return String(this.rv)
  }

  /** Warnings the last successful write returned (kubectl prints them as `Warning: ...`). */
  warnings(): readonly string[] {
    return this.lastWarnings
  }

  // ---------------------------------------------------------------- watch

  watch(handler: WatchHandler, kinds?: readonly Kind[]): () => void {
    return this.hub.watch(handler, kinds)
  }

  // ---------------------------------------------------------------- writes

  create<T>(input: T, opts: WriteOptions): T {
    const k = this.kindOf(input as unknown as KubeObject)
    let decodeWarnings: string[] = []
    if (opts.fieldValidation) {
      try {
        ;({ object: input, warnings: decodeWarnings } = decodeBody(k.kind, input, opts.fieldValidation))
      } catch (e) {
        const meta = (input as unknown as KubeObject).metadata
        this.recordFailure(opts.actor, 'create', k.kind, meta?.namespace ?? '', meta?.name ?? '', e)
        throw e
      }
    }
    const obj = clone(input) as unknown as KubeObject
    const meta = (obj.metadata = { ...(obj.metadata ?? {}) })
    if (k.namespaced) meta.namespace = meta.namespace || 'default'
    else delete meta.namespace
    const ns = meta.namespace ?? ''
    const ctx = this.strategyContext()
    try {
      // names.SimpleNameGenerator: the base is cut to 58 characters so the name stays within 63.
      if (!meta.name && meta.generateName) meta.name = meta.generateName.slice(0, 58) + this.rng.k8sSuffix(5)
      if (!meta.name) throw invalid(k.kind, '', [fieldError.required('metadata.name', 'name or generateName is required')])
      if (k.namespaced) this.checkNamespaceWritable(k.kind, ns, meta.name)
      const strat = this.strategy(k.kind)
      // Metadata the server owns.
      delete meta.deletionTimestamp
      delete meta.deletionGracePeriodSeconds
      delete (meta as Record<string, unknown>).selfLink
      meta.uid = this.rng.uuid()
      meta.creationTimestamp = rfc3339(this.clock.now())
      if (k.generation) meta.generation = 1
      else delete meta.generation
      strat.defaults?.(obj, ctx)
      strat.prepareForCreate?.(obj, ctx)
      const errs = [...(strat.validate?.(obj, ctx) ?? [])]
      if (errs.length) throw invalid(k.kind, meta.name, errs)
      if (this.objects.has(k, ns, meta.name)) throw alreadyExists(k.kind, meta.name)
      const warnings = [...decodeWarnings, ...(strat.warnings?.(obj, undefined) ?? [])]
      if (opts.dryRun) {
        this.lastWarnings = warnings
        return obj as unknown as T
      }
      meta.resourceVersion = this.nextRv()
      const stored = this.put(k, obj)
      this.lastWarnings = warnings
      this.record(opts.actor, 'create', k.kind, ns, meta.name)
      this.emit({ type: 'ADDED', kind: k.kind, object: stored })
      return stored as unknown as T
    } catch (e) {
      this.recordFailure(opts.actor, 'create', k.kind, ns, meta.name ?? '', e)
      throw e
    }
  }

  /** PUT of the main resource: spec and metadata. For kinds with a status subresource, status is kept. */
  update<T>(input: T, opts: WriteOptions): T {
    return this.write(input as unknown as KubeObject, opts, false) as unknown as T
  }

  /** PUT of the status subresource: only .status changes. */
  updateStatus<T>(input: T, opts: WriteOptions): T {
    return this.write(input as unknown as KubeObject, opts, true) as unknown as T
  }

  patch<K extends Kind>(
    kind: K,
    namespace: string,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions & { subresource?: 'status' },
  ): Obj<K> {
    const k = kindInfo(kind)
    const ns = k.namespaced ? namespace : ''
    let current: KubeObject
    let patched: KubeObject
    let decodeWarnings: string[] = []
    try {
      current = this.read(kind, ns, name)
      patched = applyPatch(current, type, patch, kind)
      if (opts.fieldValidation && opts.subresource !== 'status') {
        ;({ object: patched, warnings: decodeWarnings } = validatePatched(kind, type, patch, patched, opts.fieldValidation))
      }
    } catch (e) {
      this.recordFailure(opts.actor, 'patch', kind, ns, name, e)
      throw e
    }
    // A patch is applied to the current object, so it never conflicts on resourceVersion unless it names one.
    const withRv =
      (patch as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion !== undefined
        ? patched
        : { ...patched, metadata: { ...patched.metadata, resourceVersion: current.metadata.resourceVersion } }
    return this.write(withRv, opts, opts.subresource === 'status', 'patch', decodeWarnings) as Obj<K>
  }

  delete<K extends Kind>(kind: K, namespace: string, name: string, opts: DeleteOptions): Obj<K> {
    const k = kindInfo(kind)
    const ns = k.namespaced ? namespace : ''
    try {
      const current = this.read(kind, ns, name)
      if (opts.uid !== undefined && opts.uid !== current.metadata.uid) {
        throw conflict(
          kind,
          name,
          `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${current.metadata.uid}`,
        )
      }
      const strat = this.strategy(kind)
      const meta = { ...current.metadata }
      const finalizers = [...(meta.finalizers ?? [])]
      const policy = opts.propagationPolicy ?? strat.defaultPropagation ?? 'Background'
      const addFinalizer = policy === 'Orphan' ? FINALIZER_ORPHAN : policy === 'Foreground' ? FINALIZER_FOREGROUND : undefined
      // Only a first deletion (or one that changes the policy) adds a GC finalizer (upstream deletionFinalizersForGarbageCollection).
      if (addFinalizer && !finalizers.includes(addFinalizer)) {
        finalizers.push(addFinalizer)
        const other = addFinalizer === FINALIZER_ORPHAN ? FINALIZER_FOREGROUND : FINALIZER_ORPHAN
        const i = finalizers.indexOf(other)
        if (i >= 0) finalizers.splice(i, 1)
      } else if (policy === 'Background') {
        for (const f of [FINALIZER_ORPHAN, FINALIZER_FOREGROUND]) {
          const i = finalizers.indexOf(f)
          if (i >= 0 && !meta.deletionTimestamp) finalizers.splice(i, 1)
        }
      }
      const now = this.clock.now()
      let grace = strat.gracePeriod ? strat.gracePeriod(current, opts.gracePeriodSeconds) : 0
      if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds !== undefined) {
        // A second delete may only shorten an existing grace period.
        grace = Math.min(grace, meta.deletionGracePeriodSeconds)
      }
      const next: KubeObject = {
        ...current,
        metadata: {
          ...meta,
          finalizers: finalizers.length ? finalizers : undefined,
          deletionTimestamp:
            meta.deletionTimestamp && grace === meta.deletionGracePeriodSeconds ? meta.deletionTimestamp : rfc3339(now + grace * 1000),
          deletionGracePeriodSeconds: grace,
        },
      }
      if (grace > 0 || finalizers.length > 0 || strat.holdsDeletion?.(next)) {
        if (k.generation && !meta.deletionTimestamp) next.metadata.generation = (meta.generation ?? 0) + 1
        // Only metadata changes here (and what prepareForDelete sets): the rest is shared with the stored object.
        const prepared = cloneShared(next)
        strat.prepareForDelete?.(prepared)
        if (opts.dryRun) return prepared as Obj<K>
        if (!deepEqual(prepared, current)) {
          prepared.metadata.resourceVersion = this.nextRv()
          const stored = this.put(k, prepared)
          this.record(opts.actor, 'delete', kind, ns, name)
          this.emit({ type: 'MODIFIED', kind, object: stored, old: current })
          return stored as Obj<K>
        }
        return current
      }
      if (opts.dryRun) return current
      this.remove(k, current)
      this.record(opts.actor, 'delete', kind, ns, name)
      return current
    } catch (e) {
      this.recordFailure(opts.actor, 'delete', kind, ns, name, e)
      throw e
    }
  }

  /**
   * POST pods/<name>/binding: the scheduler's way to set spec.nodeName (which an update may not
   * change). Fails with Conflict if the pod is already bound, NotFound if it is gone.
   */
  bind(namespace: string, name: string, nodeName: string, opts: WriteOptions): Obj<'Pod'> {
    try {
      const pod = this.read('Pod', namespace, name)
      if (pod.spec?.nodeName) {
        throw conflict('Pod', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)
      }
      if (pod.metadata.deletionTimestamp) {
        throw conflict('Pod', name, `pod ${name} is being deleted, cannot be assigned to a host`)
      }
      const next = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName } } as Obj<'Pod'>
      next.metadata.resourceVersion = this.nextRv()
      const stored = this.put(kindInfo('Pod'), next as unknown as KubeObject)
      this.record(opts.actor, 'update', 'Pod', namespace, name)
      this.emit({ type: 'MODIFIED', kind: 'Pod', object: stored, old: pod as unknown as KubeObject })
      return stored as unknown as Obj<'Pod'>
    } catch (e) {
      this.recordFailure(opts.actor, 'update', 'Pod', namespace, name, e)
      throw e
    }
  }

  // ---------------------------------------------------------------- state

  /** Every stored object, kind by kind in KINDS order, each kind in etcd order. */
  allObjects(): KubeObject[] {
    const out: KubeObject[] = []
    for (const k of KINDS) out.push(...this.list(k.kind))
    return out
  }

  /** Loads objects as they were saved (no admission; resourceVersions kept). */
  restore(objects: readonly KubeObject[], rv: number): void {
    this.objects.clear()
    for (const o of objects) {
      const k = this.kindOf(o)
      this.put(k, clone(o))
    }
    this.rv = rv
  }

  resourceVersionCounter(): number {
    return this.rv
  }

  // ---------------------------------------------------------------- internals

  private write(input: KubeObject, opts: WriteOptions, statusOnly: boolean, verb: 'update' | 'patch' = 'update', patchWarnings: string[] = []): KubeObject {
    const k = this.kindOf(input)
    const ns = k.namespaced ? input.metadata?.namespace || 'default' : ''
    const name = input.metadata?.name ?? ''
    const auditVerb = statusOnly ? 'status' : verb
    try {
      const old = this.read(k.kind, ns, name) as KubeObject
      const inMeta = input.metadata ?? {}
      if (inMeta.resourceVersion !== undefined && inMeta.resourceVersion !== old.metadata.resourceVersion) {
        throw conflict(k.kind, name)
      }
      if (inMeta.uid !== undefined && inMeta.uid !== old.metadata.uid) {
        throw conflict(k.kind, name, `Precondition failed: UID in precondition: ${inMeta.uid}, UID in object meta: ${old.metadata.uid}`)
      }
      const strat = this.strategy(k.kind)
      const ctx = this.strategyContext()
      let decodeWarnings: string[] = patchWarnings
      if (opts.fieldValidation && !statusOnly && verb === 'update') {
        ;({ object: input, warnings: decodeWarnings } = decodeBody(k.kind, input, opts.fieldValidation))
      }
      let obj: KubeObject
      if (statusOnly) {
        // Status writes change .status only (ResetObjectMetaForStatus + spec carried over): everything
        // else is the stored object's own (frozen, shared); metadata is copied for the new resourceVersion.
        obj = { ...old, metadata: { ...old.metadata }, status: cloneShared(input.status) }
      } else {
        // The input's status is replaced by the stored one (status has its own subresource): not copied.
        obj = strat.copyInput ? strat.copyInput(input) : k.statusSubresource ? cloneWithout(input, 'status') : clone(input)
        // The stored status as it is (frozen, shared): no strategy writes into it on an update.
        if (k.statusSubresource) obj.status = old.status
        // Metadata the client cannot change.
        obj.metadata = overlay(obj.metadata, {
          name: old.metadata.name,
          namespace: old.metadata.namespace,
          uid: old.metadata.uid,
          creationTimestamp: old.metadata.creationTimestamp,
          deletionTimestamp: old.metadata.deletionTimestamp,
          deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
          generation: old.metadata.generation,
        })
        strat.defaults?.(obj, ctx)
        strat.prepareForUpdate?.(obj, old, ctx)
        // A spec change (anything but metadata and status) bumps generation.
        if (k.generation && specChanged(obj, old)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1
      }
      obj.apiVersion = k.apiVersion
      obj.kind = k.kind
      // Compared with the stored object at its own resourceVersion; the equal parts become the stored
      // object's (frozen) own, so sealing and comparing them later is free (shareEqual).
      obj.metadata.resourceVersion = old.metadata.resourceVersion
      const unchanged = shareEqual(obj, old)
      const errs: FieldError[] = statusOnly
        ? (strat.validateStatusUpdate?.(obj, old, ctx) ?? [])
        : [...(strat.validate?.(obj, ctx) ?? []), ...(strat.validateUpdate?.(obj, old, ctx) ?? [])]
      if (errs.length) throw invalid(k.kind, name, errs)
      const warnings = statusOnly ? [] : [...decodeWarnings, ...(strat.warnings?.(obj, old) ?? [])]
      // Writing the same object again changes nothing and emits nothing, as with etcd.
      if (unchanged) {
        this.lastWarnings = warnings
        return old
      }
      if (opts.dryRun) {
        this.lastWarnings = warnings
        return obj
      }
      // An object being deleted goes away once its last finalizer is removed.
      if (old.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length ?? 0) && !strat.holdsDeletion?.(obj)) {
        this.record(opts.actor, auditVerb, k.kind, ns, name)
        this.remove(k, old, seal(obj))
        this.lastWarnings = warnings
        return obj
      }
      obj.metadata = { ...obj.metadata, resourceVersion: this.nextRv() }
      const stored = this.put(k, obj)
      this.lastWarnings = warnings
      this.record(opts.actor, auditVerb, k.kind, ns, name)
      this.emit({ type: 'MODIFIED', kind: k.kind, object: stored, old })
      return stored
    } catch (e) {
      this.recordFailure(opts.actor, auditVerb, k.kind, ns, name, e)
      throw e
    }
  }

  private checkNamespaceWritable(kind: Kind, ns: string, name: string): void {
    const nsObj = this.get('Namespace', '', ns)
    if (!nsObj) throw notFound('Namespace', ns)
    if (nsObj.metadata.deletionTimestamp || nsObj.status?.phase === 'Terminating') {
      throw forbidden(kind, name, `unable to create new content in namespace ${ns} because it is being terminated`)
    }
  }

  private kindOf(obj: KubeObject): KindInfo {
    const k = kindFor(obj?.apiVersion, obj?.kind)
    if (!k) {
      throw new ApiError('NotFound', 'the server could not find the requested resource')
    }
    return k
  }

  private strategy(kind: Kind): KindStrategy {
    return this.strategies[kind] ?? {}
  }

  private strategyContext(): StrategyContext {
    return {
      now: this.clock.now(),
      get: (kind, ns, name) => this.get(kind, ns, name),
      list: (kind, ns) => this.list(kind, ns === undefined ? {} : { namespace: ns }),
      randomSuffix: (n) => this.rng.k8sSuffix(n),
      randomInt: (n) => this.rng.int(n),
    }
  }

  private put(k: KindInfo, obj: KubeObject): KubeObject {
    obj.apiVersion = k.apiVersion
    obj.kind = k.kind
    return this.objects.put(k, seal(obj))
  }

  /** Removes the stored object; watchers see `last` (the object as its final write left it). */
  private remove(k: KindInfo, stored: KubeObject, last: KubeObject = stored): void {
    this.objects.remove(k, stored)
    this.rv++
    this.emit({ type: 'DELETED', kind: k.kind, object: last, old: stored })
  }

  private nextRv(): string {
    return String(++this.rv)
  }

  private record(actor: Actor, verb: AuditEntry['verb'], kind: Kind, namespace: string, name: string): void {
    this.audit.push({ at: this.clock.now(), actor, verb, ref: { kind, namespace, name } })
  }

  private recordFailure(actor: Actor, verb: AuditEntry['verb'], kind: Kind, namespace: string, name: string, e: unknown): void {
    if (e instanceof ApiError) this.audit.push({ at: this.clock.now(), actor, verb, ref: { kind, namespace, name }, error: e.reason })
  }

  private emit(ev: WatchEvent): void {
    this.hub.emit(ev)
  }
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue
    if (!deepEqual((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k])) return true
  }
  return false
}

export type { ObjectRef, KindMap, ListOptions }
