// grep (GNU grep 3): BRE by default, -E, -F, -i, -v, -w, -x, -n, -c, -l, -q, -o, -h/-H, -m, -r,
// -A/-B/-C context. Exit 0 when a line is selected, 1 when none, 2 on trouble.

import { normalizePath } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { lines } from './files'
import { getopt, last } from './getopt'
import { compile, escapeLiteral, translate } from './regex'

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"

const LONG = {
  'extended-regexp': { key: 'E' },
  'fixed-strings': { key: 'F' },
  'ignore-case': { key: 'i' },
  'invert-match': { key: 'v' },
  'word-regexp': { key: 'w' },
  'line-regexp': { key: 'x' },
  'line-number': { key: 'n' },
  count: { key: 'c' },
  'files-with-matches': { key: 'l' },
  quiet: { key: 'q' },
  silent: { key: 'q' },
  'only-matching': { key: 'o' },
  'no-filename': { key: 'h' },
  'with-filename': { key: 'H' },
  recursive: { key: 'r' },
  'no-messages': { key: 's' },
  regexp: { key: 'e', arg: true },
  'max-count': { key: 'm', arg: true },
  'after-context': { key: 'A', arg: true },
  'before-context': { key: 'B', arg: true },
  context: { key: 'C', arg: true },
  color: { key: 'K' },
  colour: { key: 'K' },
}

/** Expands operands for -r: a directory stands for every file below it. */
function operands(ctx: CommandContext, names: string[], recursive: boolean): string[] {
  if (!recursive) return names
  const out: string[] = []
  for (const n of names.length ? names : ['.']) {
    const path = normalizePath(n, ctx.cwd)
    if (!ctx.fs.isDir(path)) {
      out.push(n)
      continue
    }
    const found = ctx.fs.walk(path).filter(([, e]) => e.type === 'file')
    for (const [p] of found) out.push((n.endsWith('/') ? n : n + '/') + p.slice(path === '/' ? 1 : path.length + 1))
  }
  return out
}

export const grep: Command = {
  name: 'grep',
  run(ctx) {
    const p = getopt(ctx, 'grep', { flags: 'EFGivwxnclqohHrRsPyUIaZz', withArg: 'emABCfd', long: LONG }, 2)
    if (typeof p === 'number') return p
    const f = p.flags
    const args = [...p.args]
    const patterns = p.values.get('e') ?? (args.length ? args.shift()!.split('\n') : undefined)
    if (patterns === undefined) {
      ctx.stderr(USAGE)
      return 2
    }
    const ere = f.has('E') || f.has('P')
    const sources: string[] = []
    for (const pat of patterns) {
      if (f.has('F')) {
        sources.push(escapeLiteral(pat))
        continue
      }
      const t = translate(pat, ere)
      if ('error' in t) {
        ctx.stderr(`grep: ${t.error}\n`)
        return 2
      }
      if (t.warning) ctx.stderr(`grep: warning: ${t.warning}\n`)
      sources.push(t.source)
    }
    let source = sources.map((s) => `(?:${s})`).join('|')
    if (f.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`
    if (f.has('x')) source = `^(?:${source})$`
    const re = compile(source, f.has('i') || f.has('y') ? 'i' : '')
    if (!re) {
      ctx.stderr('grep: Invalid regular expression\n')
      return 2
    }
    const global = new RegExp(re.source, re.flags + 'g')
    const files = operands(ctx, args, f.has('r') || f.has('R'))
    const showName = f.has('H') || (!f.has('h') && (files.length > 1 || f.has('r') || f.has('R')))
    const max = last(p, 'm') === undefined ? Infinity : Number(last(p, 'm'))
    const after = Number(last(p, 'A') ?? last(p, 'C') ?? 0)
    const before = Number(last(p, 'B') ?? last(p, 'C') ?? 0)
    let selectedAny = false
    let trouble = false
    let out = ''
    for (const name of files.length ? files : ['-']) {
      let text: string
      const label = name === '-' ? '(standard input)' : name
      if (name === '-') text = ctx.stdin ?? ''
      else {
        const e = ctx.fs.stat(normalizePath(name, ctx.cwd))
        if (!e || e.type === 'dir') {
          if (!f.has('s')) ctx.stderr(`grep: ${name}: ${e ? 'Is a directory' : 'No such file or directory'}\n`)
          trouble = true
          continue
        }
        text = e.content
      }
      const ls = lines(text)
      const selected: number[] = []
      for (let i = 0; i < ls.length && selected.length < max; i++) {
        re.lastIndex = 0
        if (re.test(ls[i]) !== f.has('v')) selected.push(i)
      }
      if (selected.length) selectedAny = true
      if (f.has('q')) {
        if (selectedAny) break
        continue
      }
      const prefix = (i: number, sep: string) => (showName ? label + sep : '') + (f.has('n') ? `${i + 1}${sep}` : '')
      if (f.has('l')) {
        if (selected.length) out += label + '\n'
        continue
      }
      if (f.has('c')) {
        out += (showName ? label + ':' : '') + selected.length + '\n'
        continue
      }
      if (selected.length && text.includes('\0')) {
        out += `grep: ${label}: binary file matches\n`
        continue
      }
      if (f.has('o')) {
        if (f.has('v')) continue
        for (const i of selected) for (const m of ls[i].matchAll(global)) if (m[0] !== '') out += prefix(i, ':') + m[0] + '\n'
        continue
      }
      let printedUpTo = -1
      const sel = new Set(selected)
      for (const i of selected) {
        const from = Math.max(0, i - before, printedUpTo + 1)
        if ((before || after) && printedUpTo >= 0 && from > printedUpTo + 1) out += '--\n'
        for (let j = from; j < i; j++) out += prefix(j, '-') + ls[j] + '\n'
        out += prefix(i, ':') + ls[i] + '\n'
        printedUpTo = i
        for (let j = i + 1; j <= Math.min(ls.length - 1, i + after) && !sel.has(j); j++) {
          out += prefix(j, '-') + ls[j] + '\n'
          printedUpTo = j
        }
      }
    }
    if (out) ctx.stdout(out)
    if (f.has('q') && selectedAny) return 0
    return trouble ? 2 : selectedAny ? 0 : 1
  },
}
