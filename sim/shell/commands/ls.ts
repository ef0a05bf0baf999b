// ls (GNU coreutils 9): one name per line when stdout is not a terminal, columns on a terminal
// (ls.c's calculate_columns and indent(), tab stops every 8), -l long format with `total`, -a/-A,
// -d, -1, -h, -t, -r, -S. Names sort bytewise (C.UTF-8, the lab machine's locale).

import { normalizePath, type Entry } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { quoteName } from './files'
import { getopt } from './getopt'
import { toCivil } from '../../core/time'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SIX_MONTHS_MS = (365.2425 * 86400 * 1000) / 2

interface Item {
  name: string
  path: string
  entry: Entry
}

function mode(e: Entry): string {
  const m = e.type === 'dir' ? 0o755 : (e.mode ?? 0o644)
  const bits = ['r', 'w', 'x']
  let s = e.type === 'dir' ? 'd' : '-'
  for (let i = 8; i >= 0; i--) s += m & (1 << i) ? bits[(8 - i) % 3] : '-'
  return s
}

const size = (e: Entry) => (e.type === 'dir' ? 4096 : new TextEncoder().encode(e.content).length)
const blocks = (e: Entry) => (e.type === 'dir' ? 4 : Math.ceil(size(e) / 4096) * 4)

function human(n: number): string {
  if (n < 1024) return String(n)
  const units = ['K', 'M', 'G', 'T']
  let v = n
  let u = -1
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u]
}

function date(ms: number, now: number): string {
  const c = toCivil(ms)
  const day = String(c.day).padStart(2)
  const recent = now - ms < SIX_MONTHS_MS && ms - now < 60_000
  const tail = recent ? `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}` : ` ${c.year}`
  return `${MONTHS[c.month - 1]} ${day} ${tail}`
}

function links(ctx: CommandContext, it: Item): number {
  if (it.entry.type !== 'dir') return 1
  const children = ctx.fs.readdir(it.path)
  return 2 + children.filter((n) => ctx.fs.isDir(normalizePath(n, it.path))).length
}

function longFormat(ctx: CommandContext, items: Item[], h: boolean): string {
  const now = ctx.sim.now()
  const rows = items.map((it) => ({ mode: mode(it.entry), links: String(links(ctx, it)), size: h ? human(size(it.entry)) : String(size(it.entry)), date: date(it.entry.mtime, now), name: it.name }))
  const lw = Math.max(...rows.map((r) => r.links.length))
  const sw = Math.max(...rows.map((r) => r.size.length))
  return rows.map((r) => `${r.mode} ${r.links.padStart(lw)} root root ${r.size.padStart(sw)} ${r.date} ${r.name}\n`).join('')
}

/** ls.c indent(): pads with tabs (tab stops every 8) and spaces. */
function indent(from: number, to: number): string {
  let s = ''
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t'
      from += 8 - (from % 8)
    } else {
      s += ' '
      from++
    }
  }
  return s
}

function columns(names: string[], width: number): string {
  const n = names.length
  if (!n) return ''
  const maxCols = Math.max(1, Math.min(Math.floor(width / 3), n))
  const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: (i + 1) * 3, cols: Array(i + 1).fill(3) as number[] }))
  names.forEach((name, f) => {
    for (let i = 0; i < maxCols; i++) {
      const ci = info[i]
      if (!ci.valid) continue
      const idx = Math.floor(f / Math.floor((n + i) / (i + 1)))
      const real = name.length + (idx === i ? 0 : 2)
      if (ci.cols[idx] < real) {
        ci.lineLen += real - ci.cols[idx]
        ci.cols[idx] = real
        ci.valid = ci.lineLen < width
      }
    }
  })
  let cols = maxCols
  while (cols > 1 && !info[cols - 1].valid) cols--
  const widths = info[cols - 1].cols
  const rows = Math.ceil(n / cols)
  let out = ''
  for (let r = 0; r < rows; r++) {
    let pos = 0
    for (let c = 0, f = r; f < n; c++, f += rows) {
      out += names[f]
      if (f + rows >= n) break
      out += indent(pos + names[f].length, pos + widths[c])
      pos += widths[c]
    }
    out += '\n'
  }
  return out
}

export const ls: Command = {
  name: 'ls',
  run(ctx) {
    const p = getopt(ctx, 'ls', { flags: 'laA1dhtrSRCFp', long: { all: { key: 'a' }, 'almost-all': { key: 'A' }, directory: { key: 'd' }, 'human-readable': { key: 'h' }, reverse: { key: 'r' } } }, 2)
    if (typeof p === 'number') return p
    const f = p.flags
    const long = f.has('l')
    const oneLine = f.has('1') || (!ctx.tty && !f.has('C'))
    const show = (name: string) => (ctx.tty ? displayName(name) : name)
    // When some names on a terminal are quoted, the others get a space so the names line up (ls.c
    // align_variable_outer_quotes).
    const align = (names: string[]) => (ctx.tty && names.some((n) => n.startsWith("'") || n.startsWith('"')) ? names.map((n) => (/^['"]/.test(n) ? n : ' ' + n)) : names)
    const sort = (items: Item[]) => {
      const s = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      if (f.has('t')) s.sort((a, b) => b.entry.mtime - a.entry.mtime)
      if (f.has('S')) s.sort((a, b) => size(b.entry) - size(a.entry))
      return f.has('r') ? s.reverse() : s
    }
    const render = (items: Item[]) => {
      if (!items.length) return ''
      if (long) return longFormat(ctx, items.map((i) => ({ ...i, name: show(i.name) })), f.has('h'))
      const names = align(items.map((i) => show(i.name)))
      return oneLine ? names.map((n) => n + '\n').join('') : columns(names, ctx.columns)
    }
    const operands = p.args.length ? p.args : ['.']
    let status = 0
    const fileItems: Item[] = []
    const dirs: Item[] = []
    for (const name of operands) {
      const path = normalizePath(name, ctx.cwd)
      const entry = ctx.fs.stat(path)
      if (!entry) {
        ctx.stderr(`ls: cannot access ${quoteName(name)}: No such file or directory\n`)
        status = 2
      } else if (entry.type === 'dir' && !f.has('d')) dirs.push({ name, path, entry })
      else fileItems.push({ name, path, entry })
    }
    let out = render(sort(fileItems))
    const many = operands.length > 1
    for (const d of sort(dirs)) {
      let names = ctx.fs.readdir(d.path)
      if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'))
      const items: Item[] = names.map((n) => ({ name: n, path: normalizePath(n, d.path), entry: ctx.fs.stat(normalizePath(n, d.path))! }))
      const dots: Item[] = f.has('a') ? [{ name: '.', path: d.path, entry: d.entry }, { name: '..', path: normalizePath('..', d.path), entry: ctx.fs.stat(normalizePath('..', d.path))! }] : []
      const all = [...dots, ...items]
      if (out) out += '\n'
      if (many || fileItems.length || status) out += `${show(d.name)}:\n`
      if (long) out += `total ${all.reduce((t, i) => t + blocks(i.entry), 0)}\n`
      out += render(sort(all))
    }
    if (out) ctx.stdout(out)
    return status
  },
}

/** On a terminal, ls quotes names that need it (`'a b'`), as coreutils ≥ 8.25 does. */
function displayName(name: string): string {
  return /[^A-Za-z0-9%+,\-./:=@_^\u00a0-\uffff]/.test(name) ? quoteName(name) : name
}
