// tr, tee, seq, base64: small text tools (GNU coreutils messages).

import { normalizePath } from '../../storage/memfs'
import type { Command } from '../types'
import { quoteLocale, quoteName, writeKeepingMode } from './files'
import { getopt, usageError } from './getopt'
import { unescape } from '../builtins/escapes'

/** Expands a tr set: ranges `a-z`, classes `[:upper:]`, escapes. */
function trSet(spec: string): string[] {
  const s = unescape(spec, false).text
  const classes: Record<string, string> = { upper: 'A-Z', lower: 'a-z', digit: '0-9', alpha: 'A-Za-z', alnum: '0-9A-Za-z', space: ' \t\n\r\f\v', blank: ' \t', punct: '!-/:-@[-`{-~' }
  const text = s.replace(/\[:([a-z]+):\]/g, (m, c: string) => classes[c] ?? m)
  const out: string[] = []
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const from = chars[i].codePointAt(0)!
      const to = chars[i + 2].codePointAt(0)!
      for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c))
      i += 2
    } else out.push(chars[i])
  }
  return out
}

export const tr: Command = {
  name: 'tr',
  run(ctx) {
    const p = getopt(ctx, 'tr', { flags: 'dscC', long: { delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, complement: { key: 'c' } } })
    if (typeof p === 'number') return p
    const [a, b] = p.args
    const del = p.flags.has('d')
    const squeeze = p.flags.has('s')
    const complement = p.flags.has('c') || p.flags.has('C')
    if (a === undefined) return usageError(ctx, 'tr', 'missing operand', 1)
    if (b === undefined && !del && !squeeze) {
      ctx.stderr(`tr: missing operand after ${quoteLocale(a)}\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`)
      return 1
    }
    const set1 = new Set(trSet(a))
    const set2 = b === undefined ? [] : trSet(b)
    const in1 = (c: string) => set1.has(c) !== complement
    const list1 = trSet(a)
    let out = ''
    let prev = ''
    for (const c of ctx.stdin ?? '') {
      if (del && in1(c)) continue
      let d = c
      if (!del && set2.length && in1(c)) {
        const idx = complement ? set2.length - 1 : list1.lastIndexOf(c)
        d = set2[Math.min(idx, set2.length - 1)]
      }
      const squeezeSet = del || !set2.length ? (x: string) => in1(x) : (x: string) => set2.includes(x)
      if (squeeze && d === prev && squeezeSet(d)) continue
      out += d
      prev = d
    }
    ctx.stdout(out)
    return 0
  },
}

export const tee: Command = {
  name: 'tee',
  // tee copies as it reads: a running writer's lines reach the terminal and the files as they come.
  followsStdin: () => true,
  async run(ctx) {
    const p = getopt(ctx, 'tee', { flags: 'ai', long: { append: { key: 'a' } } })
    if (typeof p === 'number') return p
    let status = 0
    const paths: string[] = []
    for (const name of p.args) {
      const path = normalizePath(name, ctx.cwd)
      if (!ctx.fs.isDir(normalizePath('..', path)) || ctx.fs.isDir(path)) {
        ctx.stderr(`tee: ${quoteName(name, false)}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
        status = 1
        continue
      }
      paths.push(path)
    }
    // Opened first (truncated, unless -a), then written to as the text comes.
    let append = p.flags.has('a')
    const copy = (text: string) => {
      for (const path of paths) writeKeepingMode(ctx.fs, path, text, ctx.sim.now(), append)
      append = true
      ctx.stdout(text)
    }
    if (ctx.stdinPipe) {
      if (!append) for (const path of paths) writeKeepingMode(ctx.fs, path, '', ctx.sim.now(), false)
      append = true
      await ctx.stdinPipe.follow(copy)
    } else copy(ctx.stdin ?? '')
    return status
  },
}

export const seq: Command = {
  name: 'seq',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-w')
    if (!args.length) return usageError(ctx, 'seq', 'missing operand', 1)
    for (const a of args) if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(a)) return usageError(ctx, 'seq', `invalid floating point argument: ${quoteLocale(a)}`, 1)
    const [first, step, last] = args.length === 1 ? [1, 1, Number(args[0])] : args.length === 2 ? [Number(args[0]), 1, Number(args[1])] : args.map(Number)
    if (step === 0) return usageError(ctx, 'seq', `invalid Zero increment value: ${quoteLocale(args[1])}`, 1)
    const decimals = Math.max(...args.slice(0, args.length === 3 ? 2 : 1).map((a) => (a.includes('.') ? a.split('.')[1].length : 0)))
    let out = ''
    for (let v = first, n = 0; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; v = first + ++n * step) {
      out += (decimals ? v.toFixed(decimals) : String(Math.round(v))) + '\n'
      if (n > 1_000_000) break
    }
    ctx.stdout(out)
    return 0
  },
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64Encode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

export function base64Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined
  const out: number[] = []
  let buf = 0
  let bits = 0
  for (const c of clean.replace(/=+$/, '')) {
    buf = (buf << 6) | B64.indexOf(c)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((buf >> bits) & 255)
    }
  }
  return Uint8Array.from(out)
}

export const base64: Command = {
  name: 'base64',
  run(ctx) {
    const p = getopt(ctx, 'base64', { flags: 'di', withArg: 'w', long: { decode: { key: 'd' }, wrap: { key: 'w', arg: true } } })
    if (typeof p === 'number') return p
    const name = p.args[0] ?? '-'
    const path = normalizePath(name, ctx.cwd)
    const text = name === '-' ? (ctx.stdin ?? '') : ctx.fs.stat(path)?.type === 'file' ? ctx.fs.readFile(path) : undefined
    if (text === undefined) {
      ctx.stderr(`base64: ${name}: No such file or directory\n`)
      return 1
    }
    if (p.flags.has('d')) {
      const bytes = base64Decode(text)
      if (!bytes) {
        ctx.stderr('base64: invalid input\n')
        return 1
      }
      ctx.stdout(new TextDecoder().decode(bytes))
      return 0
    }
    const wrap = Number(p.values.get('w')?.at(-1) ?? 76)
    const enc = base64Encode(new TextEncoder().encode(text))
    const lines = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [enc]
    ctx.stdout(lines.length ? lines.join('\n') + '\n' : '')
    return 0
  },
}
