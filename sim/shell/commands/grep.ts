// grep (GNU grep 3): BRE by default, -E, -F, -i, -v, -w, -x, -n, -c, -l, -q, -o, -h/-H, -m, -r,
// -A/-B/-C context. Exit 0 when a line is selected, 1 when none, 2 on trouble.

import { normalizePath } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import type { Pipe } from '../io'
import { GREP_HELP } from './grep-help'
import { lines, parseOnlyContext } from './files'
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
  color: { key: 'K', optionalArg: true },
  colour: { key: 'K', optionalArg: true },
  // Output is written a line at a time anyway.
  'line-buffered': { key: 'line-buffered' },
  help: { key: 'help' },
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

/** GNU grep's default GREP_COLORS (ms, fn, ln, se): SGR start, then erase to the end of the line. */
const SGR = { match: '01;31', file: '35', line: '32', sep: '36' } as const

/** Wraps text in a colour when --color is on (nothing when off). */
type Paint = (what: keyof typeof SGR, text: string) => string

const plain: Paint = (_what, text) => text
const colored: Paint = (what, text) => (text === '' ? '' : `\x1b[${SGR[what]}m\x1b[K${text}\x1b[m\x1b[K`)

/** The line with its non-empty matches painted. */
function highlight(line: string, global: RegExp, paint: Paint): string {
  if (paint === plain) return line
  global.lastIndex = 0
  return line.replace(global, (m) => paint('match', m))
}

/** An output line's `file:` and `number:` prefix (`-` after them for context lines), painted as --color says. */
function linePrefix(s: Settings, label: string, showName: boolean): (i: number, sep: string) => string {
  const name = s.paint('file', label)
  return (i, sep) => (showName ? name + s.paint('sep', sep) : '') + (s.f.has('n') ? s.paint('line', String(i + 1)) + s.paint('sep', sep) : '')
}

/** --color's WHEN (none given: auto). An unknown one makes GNU grep print its help. */
const COLOR_WHEN: Record<string, boolean | 'auto'> = { always: true, yes: true, force: true, never: false, no: false, none: false, auto: 'auto', tty: 'auto', 'if-tty': 'auto', '': 'auto' }

interface Settings {
  f: ReadonlySet<string>
  re: RegExp
  global: RegExp
  paint: Paint
  /** Operands as given (before -r expands them). */
  args: string[]
  max: number
  after: number
  before: number
  /** Whether -A, -B or -C was given (even 0): groups are then separated by `--`. */
  context: boolean
}

/** The options and the compiled patterns, or the exit status after saying what is wrong. */
function parse(ctx: CommandContext): Settings | number {
  const p = getopt(ctx, 'grep', { flags: 'EFGivwxnclqohHrRsPyUIaZz', withArg: 'emABCfd', long: LONG }, 2)
  if (typeof p === 'number') return p
  const f = p.flags
  const when = f.has('K') ? COLOR_WHEN[last(p, 'K') ?? ''] : false
  if (f.has('help') || when === undefined) {
    ctx.stdout(GREP_HELP)
    return 0
  }
  const paint = when === true || (when === 'auto' && ctx.tty) ? colored : plain
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
  const max = last(p, 'm') === undefined ? Infinity : Number(last(p, 'm'))
  const after = Number(last(p, 'A') ?? last(p, 'C') ?? 0)
  const before = Number(last(p, 'B') ?? last(p, 'C') ?? 0)
  const context = ['A', 'B', 'C'].some((k) => last(p, k) !== undefined)
  return { f, re, global, paint, args, max, after, before, context }
}

/** Options that need the whole input (counts, names, context, a limit) or read files. */
const WHOLE_INPUT = ['c', 'l', 'q', 'r', 'R']

/** grep reading a pipe with none of those: each line can be passed on as soon as it is complete. */
function follows(s: Settings): boolean {
  return s.args.every((a) => a === '-') && s.args.length <= 1 && !WHOLE_INPUT.some((k) => s.f.has(k)) && s.max === Infinity && !s.after && !s.before
}

export const grep: Command = {
  name: 'grep',
  followsStdin(argv) {
    const s = parse(parseOnlyContext(argv))
    return typeof s !== 'number' && follows(s)
  },
  async run(ctx) {
    const s = parse(ctx)
    if (typeof s === 'number') return s
    if (ctx.stdinPipe && follows(s)) return followPipe(ctx, s, ctx.stdinPipe)
    return whole(ctx, s)
  },
}

/** Prints each selected line of the pipe as soon as it is complete (a live `kubectl get -w | grep`). */
async function followPipe(ctx: CommandContext, s: Settings, pipe: Pipe): Promise<number> {
  const { f, re, global, paint } = s
  const label = '(standard input)'
  const prefixed = linePrefix(s, label, f.has('H'))
  const prefix = (i: number) => prefixed(i, ':')
  let n = 0
  let partial = ''
  let selectedAny = false
  let binary = false
  const take = (ls: string[]) => {
    let out = ''
    for (const line of ls) {
      const i = n++
      re.lastIndex = 0
      if (binary || re.test(line) === f.has('v')) continue
      selectedAny = true
      if (line.includes('\0')) {
        // GNU grep says so once and prints nothing more of a binary input.
        out += `grep: ${label}: binary file matches\n`
        binary = true
      } else if (f.has('o')) {
        if (!f.has('v')) for (const m of line.matchAll(global)) if (m[0] !== '') out += prefix(i) + paint('match', m[0]) + '\n'
      } else out += prefix(i) + (f.has('v') ? line : highlight(line, global, paint)) + '\n'
    }
    if (out) ctx.stdout(out)
  }
  await pipe.follow((chunk) => {
    const text = partial + chunk
    const end = text.lastIndexOf('\n')
    if (end < 0) {
      partial = text
      return
    }
    partial = text.slice(end + 1)
    take(text.slice(0, end).split('\n'))
  })
  if (partial) take([partial])
  return selectedAny ? 0 : 1
}

/** grep over whole inputs: the files named, or all of standard input. */
function whole(ctx: CommandContext, s: Settings): number {
  const { f, re, global, paint, max, after, before } = s
  const files = operands(ctx, s.args, f.has('r') || f.has('R'))
  const showName = f.has('H') || (!f.has('h') && (files.length > 1 || f.has('r') || f.has('R')))
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
    const painted = paint('file', label)
    const prefix = linePrefix(s, label, showName)
    if (f.has('l')) {
      if (selected.length) out += painted + '\n'
      continue
    }
    if (f.has('c')) {
      out += (showName ? painted + paint('sep', ':') : '') + selected.length + '\n'
      continue
    }
    if (selected.length && text.includes('\0')) {
      out += `grep: ${label}: binary file matches\n`
      continue
    }
    if (f.has('o')) {
      if (f.has('v')) continue
      for (const i of selected) for (const m of ls[i].matchAll(global)) if (m[0] !== '') out += prefix(i, ':') + paint('match', m[0]) + '\n'
      continue
    }
    // Matches are painted in selected lines, or with -v in the context lines (the ones that match).
    const selectedLine = (i: number) => (f.has('v') ? ls[i] : highlight(ls[i], global, paint))
    const contextLine = (i: number) => (f.has('v') ? highlight(ls[i], global, paint) : ls[i])
    let printedUpTo = -1
    const sel = new Set(selected)
    for (const i of selected) {
      const from = Math.max(0, i - before, printedUpTo + 1)
      if (s.context && printedUpTo >= 0 && from > printedUpTo + 1) out += paint('sep', '--') + '\n'
      for (let j = from; j < i; j++) out += prefix(j, '-') + contextLine(j) + '\n'
      out += prefix(i, ':') + selectedLine(i) + '\n'
      printedUpTo = i
      for (let j = i + 1; j <= Math.min(ls.length - 1, i + after) && !sel.has(j); j++) {
        out += prefix(j, '-') + contextLine(j) + '\n'
        printedUpTo = j
      }
    }
  }
  if (out) ctx.stdout(out)
  if (f.has('q') && selectedAny) return 0
  return trouble ? 2 : selectedAny ? 0 : 1
}
