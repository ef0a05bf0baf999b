// cut (GNU coreutils): -f fields with -d (default TAB), -s, --output-delimiter; -c and -b ranges.

import type { Command } from '../types'
import { fsErrorText } from '../dialect'
import { lines, quoteLocale, quoteName, readSources } from './files'
import { getopt, last, usageError } from './getopt'

type Range = [number, number]

function parseList(spec: string, what: 'fields' | 'positions'): Range[] | string {
  const out: Range[] = []
  for (const part of spec.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part)
    if (!m || (m[1] === '' && m[3] === '')) return m && m[2] ? `invalid range with no endpoint: -` : `invalid ${what === 'fields' ? 'field' : 'byte/character position'} value ${quoteLocale(part)}`
    const a = m[1] === '' ? 1 : Number(m[1])
    const b = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : a
    if (a === 0 || b === 0) return `${what} are numbered from 1`
    if (b < a) return 'invalid decreasing range'
    out.push([a, b])
  }
  return out
}

const within = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b)

export const cut: Command = {
  name: 'cut',
  run(ctx) {
    const p = getopt(ctx, 'cut', { flags: 'snz', withArg: 'bcdf', long: { fields: { key: 'f', arg: true }, delimiter: { key: 'd', arg: true }, characters: { key: 'c', arg: true }, bytes: { key: 'b', arg: true }, 'only-delimited': { key: 's' }, 'output-delimiter': { key: 'O', arg: true }, complement: { key: 'C' } } })
    if (typeof p === 'number') return p
    const mode = ['f', 'c', 'b'].filter((k) => p.values.has(k))
    if (mode.length === 0) return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields', 1)
    if (mode.length > 1) return usageError(ctx, 'cut', 'only one list may be specified', 1)
    const fields = mode[0] === 'f'
    const delim = last(p, 'd') ?? '\t'
    if (p.values.has('d') && !fields) return usageError(ctx, 'cut', 'an input delimiter may be specified only when operating on fields', 1)
    if ([...delim].length !== 1) return usageError(ctx, 'cut', 'the delimiter must be a single character', 1)
    const ranges = parseList(last(p, mode[0])!, fields ? 'fields' : 'positions')
    if (typeof ranges === 'string') return usageError(ctx, 'cut', ranges, 1)
    const outDelim = last(p, 'O') ?? delim
    const complement = p.flags.has('C')
    let status = 0
    let out = ''
    for (const src of readSources(ctx, p.args)) {
      if ('error' in src) {
        if (out) ctx.stdout(out)
        out = ''
        ctx.stderr(`cut: ${quoteName(src.name, false)}: ${fsErrorText(src.error)}\n`)
        status = 1
        continue
      }
      for (const line of lines(src.text)) {
        if (fields) {
          if (!line.includes(delim)) {
            if (!p.flags.has('s')) out += line + '\n'
            continue
          }
          const parts = line.split(delim)
          out += parts.filter((_, i) => within(ranges, i + 1) !== complement).join(outDelim) + '\n'
        } else {
          const chars = mode[0] === 'c' ? [...line] : [...new TextEncoder().encode(line)].map((b) => String.fromCharCode(b))
          const kept = chars.filter((_, i) => within(ranges, i + 1) !== complement).join(last(p, 'O') ?? '')
          out += (mode[0] === 'b' ? decodeLatin(kept) : kept) + '\n'
        }
      }
    }
    if (out) ctx.stdout(out)
    return status
  },
}

function decodeLatin(s: string): string {
  return new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0)))
}
