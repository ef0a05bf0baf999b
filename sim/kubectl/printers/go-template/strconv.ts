// Go's strconv unquoting for template literals: strconv.Unquote's escapes (UnquoteChar) for "..." and
// `...`, and client-go jsonpath's UnquoteExtend, which also takes '...' strings.

/** strconv.ErrSyntax. */
export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax')
  }
}

/** strconv.UnquoteChar's escapes, for single- as well as double-quoted strings (UnquoteExtend). */
export function unquoteExtend(s: string): string {
  const n = s.length
  if (n < 2) throw new SyntaxError_()
  const quote = s[0]
  if (quote !== s[n - 1] || (quote !== '"' && quote !== "'")) throw new SyntaxError_()
  return unquoteBody(s.slice(1, -1), quote)
}

/** The body of a quoted Go string, `quote` being the delimiter ('"', "'" or '' for none). */
export function unquoteBody(body: string, quote: string): string {
  if (!body.includes('\\') && !body.includes(quote || '\u0000')) return body
  const bytes: number[] = []
  const pushRune = (c: number) => {
    for (const b of new TextEncoder().encode(String.fromCodePoint(c))) bytes.push(b)
  }
  let i = 0
  while (i < body.length) {
    const c = body.codePointAt(i)!
    const ch = String.fromCodePoint(c)
    if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxError_()
    if (ch !== '\\') {
      pushRune(c)
      i += ch.length
      continue
    }
    const e = body[i + 1]
    if (e === undefined) throw new SyntaxError_()
    i += 2
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }
    if (e in simple) {
      bytes.push(simple[e])
    } else if (e === "'" || e === '"') {
      if (e !== quote) throw new SyntaxError_()
      bytes.push(e.charCodeAt(0))
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i, i + len)
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) throw new SyntaxError_()
      const v = parseInt(hex, 16)
      i += len
      if (e === 'x') bytes.push(v)
      else if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new SyntaxError_()
      else pushRune(v)
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i - 1, i + 2)
      if (!/^[0-7]{3}$/.test(oct)) throw new SyntaxError_()
      const v = parseInt(oct, 8)
      if (v > 255) throw new SyntaxError_()
      bytes.push(v)
      i += 2
    } else {
      throw new SyntaxError_()
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** strconv.Unquote for template string tokens ("..." and `...`). */
export function unquote(s: string): string {
  if (s.startsWith('`')) {
    if (s.length < 2 || !s.endsWith('`')) throw new SyntaxError_()
    return s.slice(1, -1).replaceAll('\r', '')
  }
  if (s.length < 2 || !s.endsWith(s[0]) || s[0] !== '"') throw new SyntaxError_()
  return unquoteBody(s.slice(1, -1), '"')
}
