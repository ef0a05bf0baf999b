// POSIX regular expressions (GNU flavour) translated to JavaScript: basic (grep) and extended
// (grep -E, awk). GNU extensions kept: `\|`, `\+`, `\?` in BRE, `\<`, `\>`, `\b`, `\w`, `\s`, back
// references. Errors carry GNU's texts ("Unmatched [, [^, [:, [., or [=", "Unmatched ( or \(").

export type Translated = { source: string; warning?: string } | { error: string }

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
}

const JS_SPECIAL = /[\\^$.*+?()[\]{}|/]/

function bracket(p: string, i: number): { source: string; end: number } | undefined {
  let j = i + 1
  let out = '['
  if (p[j] === '^') {
    out += '^'
    j++
  }
  let first = true
  for (; j < p.length; j++, first = false) {
    const c = p[j]
    if (c === ']' && !first) return { source: out + ']', end: j }
    if (c === '[' && (p[j + 1] === ':' || p[j + 1] === '.' || p[j + 1] === '=')) {
      const close = p.indexOf(p[j + 1] + ']', j + 2)
      if (close < 0) return undefined
      const name = p.slice(j + 2, close)
      out += p[j + 1] === ':' ? (CLASSES[name] ?? '') : name.replace(/[\\\]^[-]/g, '\\$&')
      j = close + 1
    } else if (c === '\\' || c === ']' || c === '[' || (c === '^' && !first)) out += '\\' + c
    else out += c
  }
  return undefined
}

/** Translates a POSIX pattern; `ere` for extended syntax. */
export function translate(p: string, ere: boolean): Translated {
  let out = ''
  let depth = 0
  let warning: string | undefined
  // Where an operator like `*` would have nothing to repeat (start, after `(` or `|`).
  let atStart = true
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    const start: boolean = atStart
    atStart = false
    if (c === '\\') {
      const n = p[++i]
      if (n === undefined) return { error: 'Trailing backslash' }
      const group = ere ? undefined : { '(': '(', ')': ')', '{': '{', '}': '}', '|': '|', '+': '+', '?': '?' }[n]
      if (group === '(') {
        depth++
        out += '('
        atStart = true
      } else if (group === ')') {
        if (depth === 0) return { error: 'Unmatched ) or \\)' }
        depth--
        out += ')'
      } else if (group === '|') {
        out += '|'
        atStart = true
      } else if (group === '{') {
        const close = p.indexOf('\\}', i)
        if (close < 0) return { error: 'Unmatched \\{' }
        out += '{' + p.slice(i + 1, close) + '}'
        i = close + 1
      } else if (group) out += group
      else if (n === '<') out += '\\b(?=\\w)'
      else if (n === '>') out += '\\b(?<=\\w)'
      else if ('bBwWsS'.includes(n) || /[1-9]/.test(n)) out += '\\' + n
      else out += JS_SPECIAL.test(n) ? '\\' + n : n
      continue
    }
    if (c === '[') {
      const b = bracket(p, i)
      if (!b) return { error: i === p.length - 1 ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=' }
      out += b.source
      i = b.end
      continue
    }
    if (c === '*' && start) {
      if (ere) warning = '* at start of expression'
      out += '\\*'
      continue
    }
    if (c === '^') {
      out += ere || start ? '^' : '\\^'
      atStart = start
      continue
    }
    if (c === '$') {
      const atEnd = i === p.length - 1 || (!ere && p.startsWith('\\)', i + 1)) || (!ere && p.startsWith('\\|', i + 1))
      out += ere || atEnd ? '$' : '\\$'
      continue
    }
    if (!ere) {
      out += '(){}|+?/'.includes(c) ? '\\' + c : c
      continue
    }
    if (c === '(') {
      depth++
      out += '('
      atStart = true
    } else if (c === ')') {
      if (depth === 0) out += '\\)'
      else {
        depth--
        out += ')'
      }
    } else if (c === '|') {
      out += '|'
      atStart = true
    } else if (c === '{') {
      const m = /^\{([0-9]*)(,([0-9]*))?\}/.exec(p.slice(i))
      if (m && !start && (m[1] !== '' || m[3])) {
        out += `{${m[1] || '0'}${m[2] ?? ''}}`
        i += m[0].length - 1
      } else out += '\\{'
    } else if (c === '}' || c === '/') out += '\\' + c
    else if ((c === '+' || c === '?') && start) out += '\\' + c
    else out += c
  }
  if (depth > 0) return { error: 'Unmatched ( or \\(' }
  return { source: out, warning }
}

/** Compiles a translated pattern; a pattern JavaScript still rejects counts as invalid. */
export function compile(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags)
  } catch {
    return undefined
  }
}

export function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}
