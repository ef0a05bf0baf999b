// sort and uniq (GNU coreutils). sort: -n -h -g -r -f -u -b -s -t -k POS1[,POS2][opts]; bytewise
// comparison (C.UTF-8) with the whole line as the last resort, as sort.c's compare() does.

import type { Command } from '../types'
import { fsErrorText } from '../dialect'
import { lines, quoteLocale, quoteName, readSources, unlines } from './files'
import { getopt, last, usageError } from './getopt'

interface Key {
  f1: number
  c1: number
  f2: number | undefined
  c2: number
  opts: string
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function numericPrefix(s: string): number {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?/.exec(s)!
  return m[2] || m[3] ? Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`) : 0
}

function human(s: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)([KMGTPEZY]?)/i.exec(s)!
  const v = Number(m[1]) || 0
  const power = ' KMGTPEZY'.indexOf(m[2].toUpperCase())
  return v * 1024 ** Math.max(0, power)
}

/** The text of a key: fields split at blank runs (each field keeps its leading blanks) or at -t. */
function keyText(line: string, k: Key, sep: string | undefined): string {
  const starts: number[] = []
  const ends: number[] = []
  if (sep !== undefined) {
    let s = 0
    for (;;) {
      const i = line.indexOf(sep, s)
      starts.push(s)
      ends.push(i < 0 ? line.length : i)
      if (i < 0) break
      s = i + 1
    }
  } else {
    const re = /\s*\S*/g
    for (let m = re.exec(line); m && m[0] !== ''; m = re.exec(line)) {
      starts.push(m.index)
      ends.push(m.index + m[0].length)
    }
  }
  const skipBlanks = (pos: number, end: number) => {
    while (pos < end && /\s/.test(line[pos])) pos++
    return pos
  }
  if (k.f1 > starts.length) return ''
  let from = starts[k.f1 - 1]
  if (k.opts.includes('b')) from = skipBlanks(from, ends[k.f1 - 1])
  from = Math.min(line.length, from + k.c1 - 1)
  let to = line.length
  if (k.f2 !== undefined && k.f2 <= starts.length) to = k.c2 === 0 ? ends[k.f2 - 1] : Math.min(line.length, starts[k.f2 - 1] + k.c2)
  return line.slice(from, Math.max(from, to))
}

function parseKey(spec: string, global: string): Key | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?([bdfghinMRrV]*)(?:,([0-9]+)(?:\.([0-9]+))?([bdfghinMRrV]*))?$/.exec(spec)
  if (!m) return `invalid field specification ${quoteLocale(spec)}`
  if (Number(m[1]) === 0) return `field number is zero: invalid field specification ${quoteLocale(spec)}`
  const opts = (m[3] ?? '') + (m[6] ?? '')
  return { f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] === undefined ? undefined : Number(m[4]), c2: Number(m[5] ?? 0), opts: opts || global }
}

export const sort: Command = {
  name: 'sort',
  run(ctx) {
    const p = getopt(ctx, 'sort', { flags: 'nhgrfubsdiMVc', withArg: 'ktoS', long: { numeric: { key: 'n' }, 'numeric-sort': { key: 'n' }, 'human-numeric-sort': { key: 'h' }, reverse: { key: 'r' }, unique: { key: 'u' }, 'ignore-case': { key: 'f' }, key: { key: 'k', arg: true }, 'field-separator': { key: 't', arg: true } } }, 2)
    if (typeof p === 'number') return p
    const global = ['n', 'h', 'g', 'r', 'f', 'b'].filter((k) => p.flags.has(k)).join('')
    const keys: Key[] = []
    for (const spec of p.values.get('k') ?? []) {
      const k = parseKey(spec, global)
      if (typeof k === 'string') {
        // A bad key is a plain error in sort.c (badfieldspec), without the --help hint.
        ctx.stderr(`sort: ${k}\n`)
        return 2
      }
      keys.push(k)
    }
    const sep = last(p, 't')
    if (sep !== undefined && sep.length !== 1) return usageError(ctx, 'sort', 'multi-character tab ' + quoteLocale(sep), 2)
    let all: string[] = []
    for (const src of readSources(ctx, p.args)) {
      if ('error' in src) {
        ctx.stderr(`sort: cannot read: ${quoteName(src.name, false)}: ${fsErrorText(src.error)}\n`)
        return 2
      }
      all = all.concat(lines(src.text))
    }
    const compareBy = (a: string, b: string, opts: string) => {
      let r: number
      if (opts.includes('n')) r = numericPrefix(a) - numericPrefix(b)
      else if (opts.includes('h')) r = human(a) - human(b)
      else if (opts.includes('g')) r = (Number(a.trim()) || 0) - (Number(b.trim()) || 0)
      else if (opts.includes('f')) r = cmp(a.toUpperCase(), b.toUpperCase())
      else r = cmp(a, b)
      r = Math.sign(r)
      return opts.includes('r') ? -r : r
    }
    const effective = keys.length ? keys : [{ f1: 1, c1: 1, f2: undefined, c2: 0, opts: global }]
    const compare = (a: string, b: string) => {
      for (const k of effective) {
        const r = keys.length ? compareBy(keyText(a, k, sep), keyText(b, k, sep), k.opts) : compareBy(a, b, k.opts)
        if (r) return r
      }
      if (p.flags.has('s') || p.flags.has('u')) return 0
      return p.flags.has('r') ? -cmp(a, b) : cmp(a, b)
    }
    const sorted = [...all].sort(compare)
    const out = p.flags.has('u') ? sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0) : sorted
    ctx.stdout(unlines(out))
    return 0
  },
}

export const uniq: Command = {
  name: 'uniq',
  run(ctx) {
    const p = getopt(ctx, 'uniq', { flags: 'cdui', withArg: 'fs', long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } } })
    if (typeof p === 'number') return p
    const src = readSources(ctx, p.args.slice(0, 1))[0]
    if ('error' in src) {
      ctx.stderr(`uniq: ${quoteName(src.name, false)}: ${fsErrorText(src.error)}\n`)
      return 1
    }
    const norm = (l: string) => (p.flags.has('i') ? l.toLowerCase() : l)
    const groups: { line: string; n: number }[] = []
    for (const l of lines(src.text)) {
      const g = groups[groups.length - 1]
      if (g && norm(g.line) === norm(l)) g.n++
      else groups.push({ line: l, n: 1 })
    }
    const kept = groups.filter((g) => (p.flags.has('d') ? g.n > 1 : p.flags.has('u') ? g.n === 1 : true))
    ctx.stdout(kept.map((g) => (p.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : g.line + '\n')).join(''))
    return 0
  },
}
