// head and tail (GNU coreutils): -n N, -N, -c N, `tail -n +N`, `head -n -N`; headers `==> f <==`
// when given several files.

import type { Command, CommandContext } from '../types'
import type { Pipe } from '../io'
import { fsErrorText } from '../dialect'
import { parseOnlyContext, quoteLocale, quoteName, readSources, withArgv } from './files'
import { getopt, last } from './getopt'

interface Parsed {
  p: Exclude<ReturnType<typeof getopt>, number>
  bytes: boolean
  n: number
  sign: string
}

function parse(ctx: CommandContext, tool: 'head' | 'tail'): Parsed | number {
  // `head -5` is `head -n 5`: rewrite the obsolete form before option parsing.
  const argv = ctx.argv.map((a, i) => (i === 1 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a))
  const p = getopt(withArgv(ctx, argv), tool, { flags: 'qvfF', withArg: 'nc', long: { lines: { key: 'n', arg: true }, bytes: { key: 'c', arg: true }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' }, follow: { key: 'f' } } })
  if (typeof p === 'number') return p
  const bytes = p.order.lastIndexOf('c') > p.order.lastIndexOf('n')
  const spec = (bytes ? last(p, 'c') : last(p, 'n')) ?? '10'
  const m = /^([-+]?)([0-9]+)$/.exec(spec.trim())
  if (!m) {
    ctx.stderr(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ${quoteLocale(spec)}\n`)
    return 1
  }
  return { p, bytes, n: Number(m[2]), sign: m[1] }
}

/** `head -n N` of one pipe: its first N lines can be passed on as they come, and then it is done. */
function followsPipe(x: Parsed): boolean {
  return !x.bytes && x.sign === '' && x.p.args.every((a) => a === '-') && x.p.args.length <= 1 && !x.p.flags.has('v')
}

/** Prints the pipe's lines as they come until it has N of them, then exits (the writer gets SIGPIPE). */
async function followHead(ctx: CommandContext, pipe: Pipe, n: number): Promise<number> {
  let left = n
  if (left === 0) return 0
  await pipe.follow((chunk) => {
    let out = ''
    let from = 0
    for (let nl = chunk.indexOf('\n'); nl >= 0 && left > 0; nl = chunk.indexOf('\n', from)) {
      out += chunk.slice(from, nl + 1)
      from = nl + 1
      left--
    }
    // A line still being written counts when its newline comes; until then it is passed on as is.
    if (left > 0) out += chunk.slice(from)
    if (out) ctx.stdout(out)
    return left === 0
  })
  return 0
}

async function run(ctx: CommandContext, tool: 'head' | 'tail'): Promise<number> {
  const parsed = parse(ctx, tool)
  if (typeof parsed === 'number') return parsed
  const { p, bytes, n, sign } = parsed
  if (tool === 'head' && ctx.stdinPipe && followsPipe(parsed)) return followHead(ctx, ctx.stdinPipe, n)
  let status = 0
  const sources = readSources(ctx, p.args)
  const headers = p.flags.has('v') || (sources.length > 1 && !p.flags.has('q'))
  let out = ''
  sources.forEach((src, i) => {
    if ('error' in src) {
      if (out) ctx.stdout(out)
      out = ''
      ctx.stderr(`${tool}: cannot open ${quoteName(src.name)} for reading: ${fsErrorText(src.error)}\n`)
      status = 1
      return
    }
    if (headers) out += `${i > 0 ? '\n' : ''}==> ${src.stdin ? 'standard input' : src.name} <==\n`
    out += bytes ? cutBytes(src.text, tool, n, sign) : cutLines(src.text, tool, n, sign)
  })
  if (out) ctx.stdout(out)
  return status
}

function cutLines(text: string, tool: 'head' | 'tail', n: number, sign: string): string {
  const parts = text.split(/(?<=\n)/)
  if (tool === 'head') return (sign === '-' ? parts.slice(0, Math.max(0, parts.length - n)) : parts.slice(0, n)).join('')
  if (sign === '+') return parts.slice(Math.max(0, n - 1)).join('')
  return n === 0 ? '' : parts.slice(-n).join('')
}

function cutBytes(text: string, tool: 'head' | 'tail', n: number, sign: string): string {
  const b = new TextEncoder().encode(text)
  let s: Uint8Array
  if (tool === 'head') s = sign === '-' ? b.slice(0, Math.max(0, b.length - n)) : b.slice(0, n)
  else s = sign === '+' ? b.slice(Math.max(0, n - 1)) : n === 0 ? b.slice(b.length) : b.slice(-n)
  return new TextDecoder().decode(s)
}

export const head: Command = {
  name: 'head',
  run: (ctx) => run(ctx, 'head'),
  followsStdin(argv) {
    const parsed = parse(parseOnlyContext(argv), 'head')
    return typeof parsed !== 'number' && followsPipe(parsed)
  },
}
export const tail: Command = { name: 'tail', run: (ctx) => run(ctx, 'tail') }
