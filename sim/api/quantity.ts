// resource.Quantity: "1Gi", "100Mi", "500m", "2", "1e3", "1.5G". Parsed to a plain number of base
// units (bytes, cores). Enough precision for the sizes a lab uses.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 }

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/

/** The value in base units, or undefined if the text is not a quantity (the API would reject it). */
export function parseQuantity(text: string | number | undefined | null): number | undefined {
  if (text === undefined || text === null) return undefined
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined
  const m = QUANTITY.exec(text.trim())
  if (!m || text.trim() !== text) return undefined
  const n = Number(m[1])
  if (m[3] !== undefined) return n * 10 ** Number(m[3])
  const suffix = m[2] ?? ''
  return n * (BINARY[suffix] ?? DECIMAL[suffix])
}

export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseQuantity(text) !== undefined
}

/** apimachinery's error detail for a bad quantity string. */
export const QUANTITY_ERROR = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\''

/** Cores as millicores (cpu requests and limits are compared in milli-units). */
export function milliCores(text: string | number | undefined): number {
  const v = parseQuantity(text)
  return v === undefined ? 0 : Math.round(v * 1000)
}
