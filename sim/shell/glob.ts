// Pathname expansion (`ls *.yaml`) and the pattern matching behind it and behind `${x#pattern}`:
// `*`, `?`, bracket expressions with `!`/`^` and POSIX classes, backslash escapes. Like bash, a
// pattern that matches nothing stays as it was written, and `*` does not match a leading dot.

import { normalizePath, type MemFs } from '../storage/memfs'

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
  word: 'a-zA-Z0-9_',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
}

const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** The index of the `]` closing a bracket expression that opens at `i`, or -1. */
function bracketEnd(p: string, i: number): number {
  let j = i + 1
  if (p[j] === '!' || p[j] === '^') j++
  if (p[j] === ']') j++
  for (; j < p.length; j++) {
    if (p[j] === '[' && p[j + 1] === ':') {
      const e = p.indexOf(':]', j + 2)
      if (e > 0) j = e + 1
    } else if (p[j] === ']') return j
  }
  return -1
}

/** True when the pattern has an unescaped `*`, `?` or a complete bracket expression. */
export function hasGlob(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') i++
    else if (c === '*' || c === '?') return true
    else if (c === '[' && bracketEnd(p, i) > 0) return true
  }
  return false
}

/** The regular-expression source for a shell pattern (unanchored). */
export function patternSource(p: string): string {
  let out = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') {
      if (i + 1 < p.length) out += escapeRe(p[++i])
      else out += '\\\\'
    } else if (c === '*') out += '[\\s\\S]*'
    else if (c === '?') out += '[\\s\\S]'
    else if (c === '[') {
      const end = bracketEnd(p, i)
      if (end < 0) {
        out += '\\['
        continue
      }
      let j = i + 1
      let cls = '['
      if (p[j] === '!' || p[j] === '^') {
        cls += '^'
        j++
      }
      for (; j < end; j++) {
        if (p[j] === '[' && p[j + 1] === ':') {
          const e = p.indexOf(':]', j + 2)
          cls += CLASSES[p.slice(j + 2, e)] ?? ''
          j = e + 1
        } else if (p[j] === '-' && j > i + 1 && j + 1 < end) cls += '-'
        else if (p[j] === '\\' && j + 1 < end) cls += escapeRe(p[++j])
        else cls += escapeRe(p[j])
      }
      out += cls === '[' || cls === '[^' ? (cls === '[' ? '(?!)' : '[\\s\\S]') : cls + ']'
      i = end
    } else out += escapeRe(c)
  }
  return out
}

/** Whether the whole string matches the pattern. */
export function matchPattern(p: string, s: string): boolean {
  try {
    return new RegExp(`^${patternSource(p)}$`).test(s)
  } catch {
    return p === s
  }
}

/** Removes pattern backslashes (what a word without matches looks like after quote removal). */
export function unescapePattern(p: string): string {
  return p.replace(/\\([\s\S])/g, '$1')
}

const join = (base: string, name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`)

/**
 * Expands a pattern against the file system. Returns the sorted matches, or undefined when nothing
 * matches (the caller keeps the word).
 */
export function glob(fs: MemFs, cwd: string, pattern: string): string[] | undefined {
  const comps = pattern.split('/')
  let bases = [pattern.startsWith('/') ? '/' : '']
  const trailingSlash = pattern.endsWith('/')
  for (let k = 0; k < comps.length; k++) {
    const comp = comps[k]
    if (comp === '') continue
    if (!hasGlob(comp)) {
      bases = bases.map((b) => join(b, unescapePattern(comp)))
      continue
    }
    let re: RegExp
    try {
      re = new RegExp(`^${patternSource(comp)}$`)
    } catch {
      return undefined
    }
    const next: string[] = []
    for (const b of bases) {
      const dir = normalizePath(b || '.', cwd)
      if (!fs.isDir(dir)) continue
      for (const name of fs.readdir(dir)) {
        if (name.startsWith('.') && !comp.startsWith('.') && !comp.startsWith('\\.')) continue
        if (re.test(name)) next.push(join(b, name))
      }
    }
    bases = next
    if (!bases.length) return undefined
  }
  const found = bases
    .filter((b) => (trailingSlash ? fs.isDir(normalizePath(b, cwd)) : fs.exists(normalizePath(b, cwd))))
    .map((b) => (trailingSlash ? b + '/' : b))
  return found.length ? found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : undefined
}
