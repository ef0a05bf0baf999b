// The part of kubectl's JSONPath that --sort-by needs: `{.a.b}`, `.a.b`, `a.b`, array indexes
// (`[0]`, `[-1]`) and quoted names (`['app.kubernetes.io/name']`), after
// RelaxedJSONPathExpression normalizes the input. Full JSONPath (-o jsonpath) is a printer of its own.

// customcolumn.go jsonRegexp: `{.a.b}`, `{a.b}`, `.a.b` or `a.b`.
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** RelaxedJSONPathExpression: the `{.a.b}` form, or undefined when the text is not a plain field path. */
export function relaxedJsonPath(expr: string): string | undefined {
  if (expr === '') return expr
  const m = RELAXED.exec(expr)
  if (!m) return undefined
  return `{.${m[1] ?? m[2]}}`
}

type Step = { field: string } | { index: number }

/** Parses `{.a.b[0]['c.d']}`; undefined for anything this subset does not handle. */
export function parseFieldPath(expr: string): Step[] | undefined {
  const m = /^\{(.*)\}$/.exec(expr)
  if (!m) return undefined
  const s = m[1]
  const steps: Step[] = []
  let i = 0
  while (i < s.length) {
    if (s[i] === '.') {
      const name = /^[^.[\]]*/.exec(s.slice(i + 1))![0]
      if (name === '' && s[i + 1] !== '[' && i + 1 < s.length) return undefined
      if (name) steps.push({ field: name })
      i += 1 + name.length
    } else if (s[i] === '[') {
      const close = s.indexOf(']', i)
      if (close < 0) return undefined
      const inner = s.slice(i + 1, close)
      const q = /^'(.*)'$|^"(.*)"$/.exec(inner)
      if (q) steps.push({ field: q[1] ?? q[2] })
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) })
      else return undefined
      i = close + 1
    } else return undefined
  }
  return steps
}

/** The value at the path, or undefined when missing (AllowMissingKeys). */
export function evalFieldPath(obj: unknown, steps: readonly Step[]): unknown {
  let cur: unknown = obj
  for (const st of steps) {
    if (cur === null || cur === undefined) return undefined
    if ('field' in st) {
      if (typeof cur !== 'object' || Array.isArray(cur)) return undefined
      cur = (cur as Record<string, unknown>)[st.field]
    } else {
      if (!Array.isArray(cur)) return undefined
      const idx = st.index < 0 ? cur.length + st.index : st.index
      cur = cur[idx]
    }
  }
  return cur
}
