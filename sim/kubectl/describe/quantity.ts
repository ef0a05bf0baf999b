// resource.Quantity as describe uses it: String() (canonical form), Add (keeps the receiver's
// format), Cmp, Value/MilliValue (rounded up), over the exact decimal of api/defaults/quantity.ts.

import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../api/defaults/quantity'

export type { Quantity }

/** resource.Quantity{}: zero, printed `0`. */
export const ZERO: Quantity = { unscaled: 0n, exp: 0, format: 'DecimalSI' }

/** A quantity from an object field; zero when missing or malformed. */
export function quantityOf(v: string | number | undefined | null): Quantity {
  if (v === undefined || v === null) return ZERO
  return parseQuantity(v) ?? ZERO
}

/** Quantity.String(). */
export function qString(q: Quantity): string {
  return formatQuantity(q)
}

/** The canonical text of a quantity field (`1Gi`, `500m`). */
export function canonical(v: string | number | undefined | null): string {
  return qString(quantityOf(v))
}

/** q.Add(y): the sum, in q's format. */
export function qAdd(q: Quantity, y: Quantity): Quantity {
  const e = Math.min(q.exp, y.exp)
  const unscaled = q.unscaled * 10n ** BigInt(q.exp - e) + y.unscaled * 10n ** BigInt(y.exp - e)
  return { unscaled, exp: e, format: q.format }
}

export function qCmp(a: Quantity, b: Quantity): number {
  return compareQuantities(a, b)
}

/** Rounds q×10^-scale up to an integer (Quantity.ScaledValue rounds away from zero). */
function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.exp - scale
  if (shift >= 0) return q.unscaled * 10n ** BigInt(shift)
  const div = 10n ** BigInt(-shift)
  const neg = q.unscaled < 0n
  const abs = neg ? -q.unscaled : q.unscaled
  let r = abs / div
  if (r * div !== abs) r += 1n
  return neg ? -r : r
}

/** Quantity.Value(): whole units, rounded up. */
export function qValue(q: Quantity): number {
  return Number(scaledValue(q, 0))
}

/** Quantity.MilliValue(). */
export function qMilliValue(q: Quantity): number {
  return Number(scaledValue(q, -3))
}

export type ResourceList = Record<string, Quantity>

/** A ResourceList field as quantities. */
export function resourceList(m: Readonly<Record<string, string | number>> | null | undefined): ResourceList {
  const out: ResourceList = {}
  for (const [k, v] of Object.entries(m ?? {})) out[k] = quantityOf(v)
  return out
}

/** addResourceList: sums into `list` (a new key takes a copy of the added quantity). */
export function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [k, q] of Object.entries(add)) list[k] = k in list ? qAdd(list[k], q) : q
}

/** maxResourceList: the greater of the two for every key. */
export function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [k, q] of Object.entries(other)) {
    if (!(k in list) || qCmp(q, list[k]) > 0) list[k] = q
  }
}
