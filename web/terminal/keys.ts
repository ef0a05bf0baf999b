// Terminal input (what xterm.js's onData delivers) as keys: printable text, control characters,
// the escape sequences an xterm sends for cursor and editing keys (CSI/SS3, with modifier
// parameters), Meta as an ESC prefix, and bracketed paste. Pure: no DOM, so it is table-tested.

export type KeyName =
  | 'enter' | 'tab' | 'backspace' | 'delete' | 'escape' | 'insert'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageup' | 'pagedown'
  | 'f1' | 'f2' | 'f3' | 'f4' | 'f5' | 'f6' | 'f7' | 'f8' | 'f9' | 'f10' | 'f11' | 'f12'
  | 'unknown'

export type Key =
  /** Printable characters, as typed (a run of them when xterm delivers several at once). */
  | { type: 'text'; text: string }
  /** Text pasted while bracketed paste mode was on (newlines as `\n`). */
  | { type: 'paste'; text: string }
  /** A control character (`ctrl: 'a'` is Ctrl-A), with Meta when ESC-prefixed. */
  | { type: 'ctrl'; char: string; meta?: boolean }
  /** Meta (Alt) plus a printable character: `ESC b`. */
  | { type: 'meta'; char: string }
  /** A named key, with modifiers from `CSI 1;5 C` style parameters. */
  | { type: 'key'; name: KeyName; ctrl?: boolean; meta?: boolean; shift?: boolean; seq: string }

const PASTE_START = '\x1b[200~'
const PASTE_END = '\x1b[201~'

const CSI_LETTERS: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'tab', P: 'f1', Q: 'f2', R: 'f3', S: 'f4' }
const CSI_TILDE: Record<string, KeyName> = {
  '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end',
  '11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5', '17': 'f6', '18': 'f7', '19': 'f8', '20': 'f9', '21': 'f10', '23': 'f11', '24': 'f12',
}

/** The key a single control character (0x00-0x1f, 0x7f) is. */
function controlKey(c: string, meta: boolean): Key {
  const code = c.charCodeAt(0)
  const withMeta = meta ? { meta: true } : {}
  if (c === '\r') return { type: 'key', name: 'enter', seq: c, ...withMeta }
  if (c === '\t') return { type: 'key', name: 'tab', seq: c, ...withMeta }
  if (c === '\x7f') return { type: 'key', name: 'backspace', seq: c, ...withMeta }
  if (code === 0) return { type: 'ctrl', char: '@', ...withMeta }
  if (code <= 26) return { type: 'ctrl', char: String.fromCharCode(code + 96), ...withMeta }
  return { type: 'ctrl', char: String.fromCharCode(code + 64), ...withMeta }
}

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4, meta 8). */
function modifiers(param: string | undefined): { ctrl?: boolean; meta?: boolean; shift?: boolean } {
  const m = Number(param ?? '1') - 1
  if (!(m > 0)) return {}
  const out: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}
  if (m & 1) out.shift = true
  if (m & 2 || m & 8) out.meta = true
  if (m & 4) out.ctrl = true
  return out
}

/** Reads one escape sequence at `i` (which holds ESC); returns the key and where the next one starts. */
function escapeAt(data: string, i: number): { key: Key; next: number } {
  const next = data[i + 1]
  if (next === undefined) return { key: { type: 'key', name: 'escape', seq: '\x1b' }, next: i + 1 }
  if (next === '[') {
    // CSI: parameter bytes 0x30-0x3f, intermediates 0x20-0x2f, a final byte 0x40-0x7e.
    let j = i + 2
    while (j < data.length && data.charCodeAt(j) >= 0x30 && data.charCodeAt(j) <= 0x3f) j++
    while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x2f) j++
    if (j >= data.length) return { key: { type: 'key', name: 'unknown', seq: data.slice(i) }, next: data.length }
    const seq = data.slice(i, j + 1)
    const params = data.slice(i + 2, j).split(';')
    const final = data[j]
    if (final === '~') {
      const name = CSI_TILDE[params[0]] ?? 'unknown'
      return { key: { type: 'key', name, seq, ...modifiers(params[1]) }, next: j + 1 }
    }
    const name = CSI_LETTERS[final]
    if (name === undefined) return { key: { type: 'key', name: 'unknown', seq }, next: j + 1 }
    // Shift-Tab arrives as CSI Z.
    const mods = final === 'Z' ? { shift: true } : modifiers(params[1])
    return { key: { type: 'key', name, seq, ...mods }, next: j + 1 }
  }
  if (next === 'O' && i + 2 < data.length) {
    // SS3: cursor keys in application mode, Home/End, F1-F4.
    const seq = data.slice(i, i + 3)
    const name = CSI_LETTERS[data[i + 2]] ?? 'unknown'
    return { key: { type: 'key', name, seq }, next: i + 3 }
  }
  // Meta: ESC followed by a key.
  const cp = data.codePointAt(i + 1)!
  const ch = String.fromCodePoint(cp)
  if (cp < 0x20 || cp === 0x7f) {
    if (cp === 0x1b) return { key: { type: 'key', name: 'escape', seq: '\x1b' }, next: i + 1 }
    return { key: controlKey(ch, true), next: i + 2 }
  }
  return { key: { type: 'meta', char: ch }, next: i + 1 + ch.length }
}

/** Splits one chunk of terminal input into keys. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = []
  let text = ''
  const flush = () => {
    if (text) keys.push({ type: 'text', text })
    text = ''
  }
  let i = 0
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      flush()
      const end = data.indexOf(PASTE_END, i + PASTE_START.length)
      const body = data.slice(i + PASTE_START.length, end < 0 ? data.length : end)
      // xterm sends pasted line ends as CR; readline stores them as newlines (_rl_bracketed_text).
      keys.push({ type: 'paste', text: body.replace(/\r\n?/g, '\n') })
      i = end < 0 ? data.length : end + PASTE_END.length
      continue
    }
    const c = data[i]
    const code = c.charCodeAt(0)
    if (c === '\x1b') {
      flush()
      const { key, next } = escapeAt(data, i)
      keys.push(key)
      i = next
    } else if (code < 0x20 || code === 0x7f) {
      flush()
      keys.push(controlKey(c, false))
      i++
    } else {
      text += c
      i++
    }
  }
  flush()
  return keys
}
