// resource.Quantity as the API server stores it: parsed with apimachinery's rules, rounded up to
// nano units (or milli, for ResourceLists: SetDefaults_ResourceList), and written back in canonical
// form, so "1024Mi" is stored as "1Gi" and "0.5" (cpu) as "500m" (api/resource/quantity.go).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** An exact decimal: unscaled × 10^exp. */
export interface Quantity {
  unscaled: bigint
  exp: number
  format: QuantityFormat
}

export const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/

/** The decode error a bad quantity string gives (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BIN: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DEC_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** ParseQuantity; undefined when the text is not a quantity. Numbers (JSON ints) are decimal. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === 'number' ? numberText(input) : input
  if (text === undefined) return undefined
  const m = QUANTITY_RE.exec(text)
  if (!m) return undefined
  let num = m[1]
  const suffix = m[2]
  let negative = false
  if (num[0] === '+' || num[0] === '-') {
    negative = num[0] === '-'
    num = num.slice(1)
  }
  const parts = num.split('.')
  if (parts.length > 2 || !/[0-9]/.test(num)) return undefined
  const whole = parts[0]
  const frac = parts[1] ?? ''
  let format: QuantityFormat
  let exp10 = 0
  let exp2 = 0
  if (suffix in DEC) {
    format = 'DecimalSI'
    exp10 = DEC[suffix]
  } else if (suffix in BIN) {
    format = 'BinarySI'
    exp2 = BIN[suffix]
  } else {
    const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
    if (!e) return undefined
    format = 'DecimalExponent'
    exp10 = Number(e[1])
  }
  let unscaled = BigInt((whole || '0') + frac)
  if (exp2) unscaled *= 1n << BigInt(exp2)
  if (negative) unscaled = -unscaled
  return roundUp({ unscaled, exp: exp10 - frac.length, format }, -9)
}

function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined
  return Number.isInteger(n) ? BigInt(n).toString() : String(n)
}

/** Rounds away from zero to 10^scale (inf.RoundUp), as the API does for tiny values. */
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.exp >= scale) return q
  const div = 10n ** BigInt(scale - q.exp)
  const neg = q.unscaled < 0n
  const abs = neg ? -q.unscaled : q.unscaled
  let r = abs / div
  if (r * div !== abs) r += 1n
  return { unscaled: neg ? -r : r, exp: scale, format: q.format }
}

function removeFactors(v: bigint, base: bigint): [bigint, number] {
  const neg = v < 0n
  let r = neg ? -v : v
  let times = 0
  while (r >= base && r % base === 0n) {
    r /= base
    times++
  }
  return [neg ? -r : r, times]
}

/** The canonical string (Quantity.String / CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  let format = q.format
  if (format === 'BinarySI') {
    const asInt = q.exp >= 0 ? q.unscaled * 10n ** BigInt(q.exp) : undefined
    const exact = q.exp >= 0 || q.unscaled % 10n ** BigInt(-q.exp) === 0n
    const intValue = asInt ?? (exact ? q.unscaled / 10n ** BigInt(-q.exp) : undefined)
    if (intValue === undefined || (intValue > -1024n && intValue < 1024n)) format = 'DecimalSI'
    else {
      const [amount, times] = removeFactors(intValue, 1024n)
      if (times < BIN_SUFFIX.length) return `${amount}${BIN_SUFFIX[times]}`
      format = 'DecimalSI'
    }
  }
  const [stripped, times] = removeFactors(q.unscaled, 10n)
  let amount = stripped
  let exponent = q.exp + times
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n
    exponent--
  }
  if (amount === 0n) exponent = 0
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`
  const suffix = DEC_SUFFIX[exponent]
  return suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`
}

/** Canonical text of a quantity as stored, or undefined if it does not parse. */
export function canonicalQuantity(text: string | number, roundToScale = -9): string | undefined {
  const q = parseQuantity(text)
  return q && formatQuantity(roundUp(q, roundToScale))
}

/** The value as a JS number (for comparisons). */
export function quantityValue(q: Quantity): number {
  return Number(q.unscaled) * 10 ** q.exp
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exp, b.exp)
  const av = a.unscaled * 10n ** BigInt(a.exp - e)
  const bv = b.unscaled * 10n ** BigInt(b.exp - e)
  return av < bv ? -1 : av > bv ? 1 : 0
}
