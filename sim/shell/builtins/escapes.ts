// Backslash escapes as `echo -e` and printf's `%b` and format strings read them.

export interface Unescaped {
  text: string
  /** `\c` was seen: print nothing more. */
  stop: boolean
}

/**
 * `echoStyle` is echo -e / %b: octal is `\0NNN` (up to three digits after the 0); in printf's format
 * string it is `\NNN`.
 */
export function unescape(s: string, echoStyle: boolean): Unescaped {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      continue
    }
    const n = s[++i]
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
    if (simple[n] !== undefined) out += simple[n]
    else if (n === 'c') return { text: out, stop: true }
    else if (!echoStyle && (n === '"' || n === "'" || n === '?')) out += n
    else if (echoStyle ? n === '0' : /[0-7]/.test(n)) {
      const digits = /^[0-7]{0,3}/.exec(s.slice(echoStyle ? i + 1 : i))![0]
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff)
      i += digits.length - (echoStyle ? 0 : 1)
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0]
      out += String.fromCharCode(parseInt(digits, 16))
      i += digits.length
    } else if ((n === 'u' || n === 'U') && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const digits = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1))![0]
      const cp = parseInt(digits, 16)
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : ''
      i += digits.length
    } else out += '\\' + n
  }
  return { text: out, stop: false }
}
