// A YAML writer that produces what kubectl's `-o yaml` produces: sigs.k8s.io/yaml (JSON -> go-yaml v2)
// marshalling a JSON value. Re-implemented from the behaviour of go-yaml's encoder and libyaml-style
// emitter (encode.go stringv, emitterc.go analyze_scalar / select_scalar_style / write_*_scalar):
//   - map keys sorted with go-yaml's keyList order (letters after other characters, digit runs as numbers)
//   - block style, sequences not indented under a mapping key, `{}` / `[]` when empty
//   - strings that would read back as another type (`"yes"`, `"123"`, `""`, base-60 `"1:30"`) double-quoted;
//     strings that plain style cannot carry (`'a: b'`, `'- x'`) single-quoted; control/astral characters
//     double-quoted with escapes; multi-line strings as `|` literals
//   - long plain/quoted scalars folded at spaces once the line passes 80 columns.

import { analyze, codePoints, doubleEscape, isBreak, isPrintable, isSpace, selectStyle, type Style } from './go-yaml-scalar'

const BEST_INDENT = 2
const BEST_WIDTH = 80

/** yaml.v2 keyList.Less: the order go-yaml writes map keys in. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a)
  const br = codePoints(b)
  const isLetter = (c: number) => /\p{L}/u.test(String.fromCodePoint(c))
  const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i]
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - 0x30)
    let bi = i
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - 0x30)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i] < br[i]
  }
  return ar.length < br.length
}

/** strconv.FormatFloat(f, 'g', -1, 64) with go-yaml's spellings of the special values. */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan'
  if (f === Infinity) return '.inf'
  if (f === -Infinity) return '-.inf'
  // Shortest round-trip digits; %e is used when the exponent is < -4 or >= 6 (Go's shortest 'g').
  const [mant, expStr] = f.toExponential().split('e')
  const exp = Number(expStr)
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(f)
}

class Emitter {
  out = ''
  column = 0
  indent = -1
  private indents: number[] = []
  whitespace = true
  indention = true

  private put(s: string): void {
    this.out += s
    this.column += codePoints(s).length
  }

  private putBreak(): void {
    this.out += '\n'
    this.column = 0
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  popIndent(): void {
    this.indent = this.indents.pop()!
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(indicator)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  /** emit_scalar: the scalar is written one indent level deeper (continuation lines). */
  scalar(s: string, simpleKey: boolean, forcePlain = false): void {
    const cps = codePoints(s)
    const a = analyze(cps)
    const style: Style = forcePlain ? 'plain' : selectStyle(s, a, simpleKey)
    this.increaseIndent(true, false)
    const allowBreaks = !simpleKey
    switch (style) {
      case 'plain':
        this.writePlain(cps, allowBreaks)
        break
      case 'single':
        this.writeSingle(cps, allowBreaks)
        break
      case 'double':
        this.writeDouble(cps, allowBreaks)
        break
      case 'literal':
        this.writeLiteral(cps)
        break
    }
    this.popIndent()
  }

  private writePlain(v: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    let spaces = false
    let breaks = false
    for (let i = 0; i < v.length; i++) {
      const c = v[i]
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1])) this.writeIndent()
        else this.put(' ')
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(String.fromCodePoint(c))
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.whitespace = false
    this.indention = false
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak()
    else {
      this.out += String.fromCodePoint(c)
      this.column = 0
    }
  }

  private writeSingle(v: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false)
    let spaces = false
    let breaks = false
    for (let i = 0; i < v.length; i++) {
      const c = v[i]
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1])) this.writeIndent()
        else this.put(' ')
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (c === 0x27) this.put("'")
        this.put(String.fromCodePoint(c))
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeDouble(v: number[], allowBreaks: boolean): void {
    let spaces = false
    this.writeIndicator('"', true, false, false)
    for (let i = 0; i < v.length; i++) {
      const c = v[i]
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\' + doubleEscape(c))
        spaces = false
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent()
          if (isSpace(v[i + 1])) this.put('\\')
        } else this.put(' ')
        spaces = true
      } else {
        this.put(String.fromCodePoint(c))
        spaces = false
      }
    }
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeLiteral(v: number[]): void {
    this.writeIndicator('|', true, false, false)
    // Block scalar hints: an indentation indicator when the text starts with a space or break, and
    // the chomping indicator from the trailing breaks.
    if (v.length > 0 && (isSpace(v[0]) || isBreak(v[0]))) this.writeIndicator(String(BEST_INDENT), false, false, false)
    let chomp = ''
    if (v.length === 0) chomp = '-'
    else if (!isBreak(v[v.length - 1])) chomp = '-'
    else if (v.length === 1) chomp = '+'
    else if (isBreak(v[v.length - 2])) chomp = '+'
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(String.fromCodePoint(c))
        this.indention = false
        breaks = false
      }
    }
  }
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue }

function isEmptyCollection(v: JsonValue): boolean {
  if (Array.isArray(v)) return v.length === 0
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0
}

function emitNode(e: Emitter, v: JsonValue, ctx: { mapping: boolean; simpleKey: boolean }): void {
  if (v === null) return e.scalar('null', ctx.simpleKey, true)
  if (typeof v === 'boolean') return e.scalar(v ? 'true' : 'false', ctx.simpleKey, true)
  if (typeof v === 'number') return e.scalar(Number.isInteger(v) ? String(v) : formatFloat(v), ctx.simpleKey, true)
  if (typeof v === 'string') return e.scalar(v, ctx.simpleKey)
  if (isEmptyCollection(v)) {
    // Flow style for empty collections: ` {}` / ` []`.
    e.writeIndicator(Array.isArray(v) ? '[' : '{', true, true, false)
    e.writeIndicator(Array.isArray(v) ? ']' : '}', false, false, false)
    return
  }
  if (Array.isArray(v)) {
    // Under a mapping key a block sequence is not indented (`key:\n- item`).
    e.increaseIndent(false, ctx.mapping && !e.indention)
    for (const item of v) {
      e.writeIndent()
      e.writeIndicator('-', true, false, true)
      emitNode(e, item, { mapping: false, simpleKey: false })
    }
    e.popIndent()
    return
  }
  e.increaseIndent(false, false)
  const keys = Object.keys(v).sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0))
  for (const k of keys) {
    e.writeIndent()
    // check_simple_key: keys up to 128 characters without line breaks are written as `key:`.
    if (codePoints(k).length <= 128 && !/[\n\r\u0085\u2028\u2029]/.test(k)) {
      e.scalar(k, true)
      e.writeIndicator(':', false, false, false)
    } else {
      e.writeIndicator('?', true, false, true)
      e.scalar(k, false)
      e.writeIndent()
      e.writeIndicator(':', true, false, true)
    }
    emitNode(e, v[k], { mapping: true, simpleKey: false })
  }
  e.popIndent()
}

/**
 * sigs.k8s.io/yaml reads its own JSON back as YAML; json.Marshal leaves U+0085 (NEL) unescaped and the
 * YAML scanner folds it like a line break inside the double-quoted string: one becomes a space,
 * several become newlines, surrounding blanks are dropped.
 */
function foldNel(s: string): string {
  return s.includes('\u0085') ? s.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (m) => {
    const n = m.split('\u0085').length - 1
    return n === 1 ? ' ' : '\n'.repeat(n - 1)
  }) : s
}

function normalize(v: unknown): JsonValue {
  if (typeof v === 'string') return foldNel(v)
  if (Array.isArray(v)) return v.map(normalize)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, JsonValue> = {}
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[foldNel(k)] = normalize(x)
    return out
  }
  return v as JsonValue
}

/** The bytes `kubectl get -o yaml` prints for a JSON-plain object. */
export function toGoYaml(value: unknown): string {
  const e = new Emitter()
  emitNode(e, normalize(value), { mapping: false, simpleKey: false })
  e.writeIndent()
  return e.out
}
