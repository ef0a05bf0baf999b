// The taint arguments of `kubectl taint` (kubectl pkg/cmd/taint/utils.go parseTaints, reorganizeTaints,
// checkIfTaintsAlreadyExists): `key=value:Effect` and `key:Effect` add, `key-` and `key:Effect-`
// remove; the node's new taint list is the added ones, then its old ones not replaced, minus the
// removed ones. Pure, so the verb only reads nodes and writes them.

import { isQualifiedName, isValidLabelValue } from '../../api/validation/names'

export interface Taint {
  key: string
  value?: string
  effect?: string
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** A taint spec error; Complete reports these as usage errors (with the `-h` hint). */
export class TaintSpecError extends Error {}

/** parseTaint: one spec, the effect optional (removals may leave it out). */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':')
  let key: string
  let value: string | undefined
  let effect: string | undefined
  if (parts.length === 1) key = parts[0]
  else if (parts.length === 2) {
    effect = parts[1]
    if (!EFFECTS.includes(effect)) throw new TaintSpecError(`invalid taint effect: ${effect}, unsupported taint effect`)
    const kv = parts[0].split('=')
    if (kv.length > 2) throw new TaintSpecError(`invalid taint spec: ${spec}`)
    key = kv[0]
    if (kv.length === 2) {
      value = kv[1]
      const errs = isValidLabelValue(value)
      if (errs.length) throw new TaintSpecError(`invalid taint spec: ${spec}, ${errs.join('; ')}`)
    }
  } else throw new TaintSpecError(`invalid taint spec: ${spec}`)
  const errs = isQualifiedName(key)
  if (errs.length) throw new TaintSpecError(`invalid taint spec: ${spec}, ${errs.join('; ')}`)
  return { key, ...(value !== undefined ? { value } : {}), ...(effect ? { effect } : {}) }
}

/** Go's %v of a corev1.Taint: {Key Value Effect TimeAdded}. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`
}

export function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1))
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) })
      continue
    }
    const t = parseTaint(spec)
    if (!t.effect) throw new TaintSpecError(`invalid taint spec: ${spec}`)
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) throw new TaintSpecError(`duplicated taints with the same key and effect: ${goTaint(t)}`)
    add.push(t)
  }
  return { add, remove }
}

/** Validate's check: a taint both added and removed. */
export function conflicts(add: readonly Taint[], remove: readonly Taint[]): string[] {
  const out: string[] = []
  for (const a of add) for (const r of remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) out.push(`${r.key}=${r.effect ?? ''}`)
  return out
}

/** The keys of taints to add that the node has already with the same effect, comma-separated. */
export function alreadyThere(old: readonly Taint[], add: readonly Taint[]): string {
  return add.flatMap((t) => old.filter((o) => o.key === t.key && o.effect === t.effect).map(() => t.key)).join(',')
}

/** Taint.ToString: key[=value][:effect]. */
function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`
}

export type TaintOperation = 'tainted' | 'untainted' | 'modified'

/** reorganizeTaints: the node's new taints and how kubectl names the change, or the removals not found. */
export function reorganize(old: readonly Taint[], add: readonly Taint[], remove: readonly Taint[], overwrite: boolean): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = [...add]
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o)
  const added = old.length !== taints.length
  const errors: string[] = []
  // deleteTaints: `removed` is what the last removal did.
  let removed = false
  for (const r of remove) {
    const keep = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)))
    removed = keep.length !== taints.length
    taints = keep
    if (!removed) errors.push(`taint "${taintString(r)}" not found`)
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  return { operation, taints, errors }
}
