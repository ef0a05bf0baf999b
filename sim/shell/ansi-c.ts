// `$'...'` strings: bash's ANSI-C quoting (`\t`, `\n`, `\e`, octal, `\xHH`, `\uHHHH`).

const C_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' }

/** A `$'...'` string from `from` (after the quote): its value and the index of the closing quote. */
export function ansiC(s: string, from: number): { text: string; end: number } {
  let out = ''
  let i = from
  while (i < s.length) {
    const c = s[i]
    if (c === "'") return { text: out, end: i }
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      i++
      continue
    }
    const n = s[i + 1]
    const esc = C_ESCAPES[n]
    if (esc !== undefined) {
      out += esc
      i += 2
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0]
      out += String.fromCharCode(parseInt(m, 8) & 0xff)
      i += 1 + m.length
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))![0]
      out += String.fromCharCode(parseInt(m, 16))
      i += 2 + m.length
    } else if ((n === 'u' || n === 'U') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 2))![0]
      const cp = parseInt(m, 16)
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : ''
      i += 2 + m.length
    } else {
      out += c + n
      i += 2
    }
  }
  return { text: out, end: -1 }
}
