// Bad values that upstream prints with Go's `%#v` (v1.33 renders non-scalar values that way; 1.34
// switched to JSON). Only the shapes that reach user-visible errors are covered: label selectors,
// int-or-string values, string slices, maps, and typed nil/non-nil pointers.

import { GoValue, goQuote, goStringMap, type FieldError } from '../field-errors'
import { hash32 } from '../../core/rng'
import type { LabelSelector } from '../types'

export { goStringMap }

/** `[]string{"a", "b"}`, or `[]string(nil)` for a missing slice. */
export function goStringSlice(values: readonly string[] | undefined | null, type = '[]string'): GoValue {
  if (!values) return new GoValue(`${type}(nil)`)
  return new GoValue(`${type}{${values.map(goQuote).join(', ')}}`)
}

/**
 * A non-nil pointer as `%#v` prints it inside a struct: `(*apps.X)(0xc000a1b2c0)`. Real addresses
 * differ on every request; ours are derived from the value so a run stays reproducible.
 */
export function goPointer(type: string, seed: unknown): string {
  const h = hash32(JSON.stringify(seed) ?? 'nil')
  return `(*${type})(0xc000${(h & 0xffffff).toString(16).padStart(6, '0')})`
}

export function goNilPointer(type: string): string {
  return `(*${type})(nil)`
}

/** metav1.LabelSelector as `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`. */
export function goLabelSelector(sel: LabelSelector | undefined | null): GoValue {
  const s = sel ?? {}
  const exprs = s.matchExpressions
  const exprText = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values).text}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return new GoValue(`v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels as Record<string, string> | undefined).text}, MatchExpressions:${exprText}}`)
}

/** intstr.IntOrString has only a pointer-receiver String(), so `%#v` prints the struct. */
export function goIntOrString(v: number | string | undefined): GoValue {
  if (typeof v === 'string') return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`)
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`)
}

/**
 * field.TooLong as of 1.32+ (apimachinery 51cdbebd): the value is omitted and the detail reads
 * "may not be more than N bytes". (sim/api/field-errors.ts still carries the pre-1.32 text.)
 */
export function tooLong(field: string, max: number): FieldError {
  return { type: 'FieldValueTooLong', field, badValue: undefined, detail: `may not be more than ${max} bytes` }
}
