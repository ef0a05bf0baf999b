// Per-kind behaviour of the API server (upstream: the registry "strategy" of each resource):
// defaulting, create/update preparation, validation, graceful deletion. The server calls these; the
// kinds' own files supply them, and createSimulation puts them in a registry.

import type { FieldError } from './field-errors'
import type { Kind } from './kinds'
import type { KubeObject } from './types'

/** What strategies may read while deciding: time, and other stored objects. */
export interface StrategyContext {
  now: number
  get(kind: Kind, namespace: string, name: string): KubeObject | undefined
  list(kind: Kind, namespace?: string): readonly KubeObject[]
  /** Deterministic random characters (generated names, allocated ClusterIPs). */
  randomSuffix(n: number): string
  randomInt(n: number): number
}

export interface KindStrategy {
  /**
   * The server's own copy of an update's input, which defaulting and the server then edit. Without
   * this hook it is a deep copy; a kind whose large lists are never defaulted may keep their frozen
   * (stored) items instead, so an unchanged item costs nothing to copy, seal, compare or validate.
   */
  copyInput?(input: KubeObject): KubeObject
  /** SetDefaults_*: fills defaulted fields on a fresh copy, on create and on every update. */
  defaults?(obj: KubeObject, ctx: StrategyContext): void
  /** PrepareForCreate: e.g. reset status, allocate a ClusterIP. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void
  /** PrepareForUpdate (main resource): carry over what the caller may not change. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[]
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** Status subresource validation (e.g. StatefulSet status counts). */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** Warnings the server returns with a successful write (kubectl prints "Warning: ..."). */
  warnings?(obj: KubeObject, old: KubeObject | undefined): string[]
  /**
   * Graceful deletion: the grace period in seconds this delete gets (0 = remove now). Only pods
   * have one; other kinds are removed at once unless finalizers hold them.
   */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number
  /**
   * True while something other than metadata.finalizers keeps an object that is being deleted:
   * a pod in its grace period (until the kubelet confirms), a namespace whose spec.finalizers are
   * not yet cleared by the namespace controller.
   */
  holdsDeletion?(obj: KubeObject): boolean
  /** Changes made when deletion starts (a namespace's status.phase becomes Terminating). */
  prepareForDelete?(obj: KubeObject): void
  /** The propagation policy when the client does not name one (upstream DefaultGarbageCollectionPolicy). */
  defaultPropagation?: 'Background' | 'Orphan'
}

export type StrategyRegistry = Partial<Record<Kind, KindStrategy>>
