// Tokens of the shell subset: words with their quoting and expansions ($VAR ${VAR:-x} $(cmd) `cmd`
// $((expr))), and the operators that separate them.

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; op?: ':-' | '-' | ':=' | '=' | ':+' | '+' | '#'; arg?: Word; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean }
export type Word = Part[]

export type Tok = { k: 'word'; w: Word; io?: 0 | 1 | 2 } | { k: 'op'; v: string }

export class ShellSyntaxError extends Error {}

const OPS = ['&&', '||', '>>', '>&', '&>', ';', '&', '|', '(', ')', '>', '<', '\n']

/** The index just past the `close` that balances the opener at `start` (quotes respected). */
function matching(src: string, start: number, open: string, close: string): number {
  let depth = 0
  for (let i = start; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') i++
    else if (c === "'") i = src.indexOf("'", i + 1)
    else if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++
    } else if (src.startsWith(open, i)) depth++
    else if (src.startsWith(close, i) && --depth === 0) return i + close.length
    if (i < 0) break
  }
  throw new ShellSyntaxError(`unterminated ${open}`)
}

/** Parses `$...` at src[i] (src[i] === '$'); returns the part and the index after it. */
function dollar(src: string, i: number, q: boolean): [Part, number] {
  const next = src[i + 1]
  if (src.startsWith('$((', i)) {
    const end = matching(src, i + 1, '(', ')')
    return [{ t: 'arith', src: src.slice(i + 3, end - 2), q }, end]
  }
  if (next === '(') {
    const end = matching(src, i + 1, '(', ')')
    return [{ t: 'sub', src: src.slice(i + 2, end - 1), q }, end]
  }
  if (next === '{') {
    const end = matching(src, i + 1, '{', '}')
    const body = src.slice(i + 2, end - 1)
    if (body.startsWith('#')) return [{ t: 'var', name: body.slice(1), op: '#', q }, end]
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])(:?[-=+])?(.*)$/s.exec(body)
    if (!m) throw new ShellSyntaxError(`\${${body}}: bad substitution`)
    const op = (m[2] || undefined) as ':-' | '-' | ':=' | '=' | ':+' | '+' | undefined
    return [{ t: 'var', name: m[1], op, arg: op ? lexWord(m[3], true) : undefined, q }, end]
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(i + 1))
  if (!m) return [{ t: 'lit', v: '$', q }, i + 1]
  return [{ t: 'var', name: m[1], q }, i + 1 + m[1].length]
}

/** Splits the inside of a double-quoted string (or a ${x:-word} argument) into parts. */
function lexWord(src: string, q: boolean): Word {
  const parts: Word = []
  let lit = ''
  const flush = () => {
    if (lit) parts.push({ t: 'lit', v: lit, q })
    lit = ''
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1])) {
      lit += src[i + 1] === '\n' ? '' : src[i + 1]
      i += 2
    } else if (c === '$') {
      flush()
      const [p, j] = dollar(src, i, q)
      parts.push(p)
      i = j
    } else if (c === '`') {
      flush()
      const end = src.indexOf('`', i + 1)
      if (end < 0) throw new ShellSyntaxError('unterminated `')
      parts.push({ t: 'sub', src: src.slice(i + 1, end), q })
      i = end + 1
    } else {
      lit += c
      i++
    }
  }
  flush()
  return parts
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = []
  let word: Word | null = null
  let lit = ''
  const flushLit = () => {
    if (lit) (word ??= []).push({ t: 'lit', v: lit, q: false })
    lit = ''
  }
  const endWord = () => {
    flushLit()
    if (word) toks.push({ k: 'word', w: word })
    word = null
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]
    if (c === ' ' || c === '\t') {
      endWord()
      i++
    } else if (c === '#' && word === null && lit === '') {
      while (i < src.length && src[i] !== '\n') i++
    } else if (c === '\\') {
      if (src[i + 1] === '\n') i += 2
      else {
        flushLit()
        ;(word ??= []).push({ t: 'lit', v: src[i + 1] ?? '', q: true })
        i += 2
      }
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1)
      if (end < 0) throw new ShellSyntaxError("unterminated quoted string")
      flushLit()
      ;(word ??= []).push({ t: 'lit', v: src.slice(i + 1, end), q: true })
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      for (; j < src.length && src[j] !== '"'; j++) if (src[j] === '\\') j++
      if (j >= src.length) throw new ShellSyntaxError('unterminated quoted string')
      flushLit()
      const inner = lexWord(src.slice(i + 1, j), true)
      ;(word ??= []).push(...(inner.length ? inner : [{ t: 'lit' as const, v: '', q: true }]))
      i = j + 1
    } else if (c === '$') {
      flushLit()
      const [p, j] = dollar(src, i, false)
      ;(word ??= []).push(p)
      i = j
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1)
      if (end < 0) throw new ShellSyntaxError('unterminated `')
      flushLit()
      ;(word ??= []).push({ t: 'sub', src: src.slice(i + 1, end), q: false })
      i = end + 1
    } else {
      const op = OPS.find((o) => src.startsWith(o, i))
      if (op) {
        // `2>` / `1>>`: a word of digits glued to a redirection is the fd it redirects.
        let io: 0 | 1 | 2 | undefined
        if ((op[0] === '>' || op[0] === '<') && word === null && /^[012]$/.test(lit)) {
          io = Number(lit) as 0 | 1 | 2
          lit = ''
        }
        endWord()
        toks.push({ k: 'op', v: op })
        if (io !== undefined) (toks[toks.length - 1] as { io?: number }).io = io
        i += op.length
      } else {
        lit += c
        i++
      }
    }
  }
  endWord()
  return toks
}

