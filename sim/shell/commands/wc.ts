// wc (GNU coreutils 9): counts lines, words, bytes (-l -w -c -m -L). The number width follows
// wc.c's compute_number_width: 1 for a single count of a single input, otherwise wide enough for
// the total size of the regular files, and at least 7 when some input is a pipe.

import type { Command } from '../types'
import { fsErrorText } from '../dialect'
import { quoteName, readSources } from './files'
import { getopt } from './getopt'

export const wc: Command = {
  name: 'wc',
  run(ctx) {
    const p = getopt(ctx, 'wc', { flags: 'lwcmL', long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' }, 'max-line-length': { key: 'L' } } })
    if (typeof p === 'number') return p
    let which = ['l', 'w', 'm', 'c', 'L'].filter((k) => p.flags.has(k))
    if (!which.length) which = ['l', 'w', 'c']
    const sources = readSources(ctx, p.args)
    type Row = { name: string; values: number[] } | { error: string }
    const rows: Row[] = []
    let status = 0
    let regularTotal = 0
    let pipe = false
    for (const src of sources) {
      if ('error' in src) {
        rows.push({ error: `wc: ${quoteName(src.name, false)}: ${fsErrorText(src.error)}\n` })
        status = 1
        continue
      }
      const t = src.text
      const bytes = new TextEncoder().encode(t).length
      if (src.stdin) pipe = true
      else regularTotal += bytes
      const all: Record<string, number> = {
        l: (t.match(/\n/g) ?? []).length,
        w: (t.match(/\S+/g) ?? []).length,
        c: bytes,
        m: [...t].length,
        L: Math.max(0, ...t.split('\n').map((l) => [...l].length)),
      }
      rows.push({ name: p.args.length ? src.name : '', values: which.map((k) => all[k]) })
    }
    let width = 1
    if (!(sources.length === 1 && which.length === 1)) {
      width = String(regularTotal).length
      if (pipe) width = Math.max(width, 7)
    }
    const counted = rows.filter((r): r is { name: string; values: number[] } => 'values' in r)
    if (sources.length > 1) rows.push({ name: 'total', values: which.map((_, i) => counted.reduce((s, c) => s + c.values[i], 0)) })
    let out = ''
    for (const r of rows) {
      if ('error' in r) {
        if (out) ctx.stdout(out)
        out = ''
        ctx.stderr(r.error)
      } else out += r.values.map((v) => String(v).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n'
    }
    if (out) ctx.stdout(out)
    return status
  },
}
