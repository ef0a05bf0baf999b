// `test` / `[` (POSIX test with -a/-o), and the text helpers echo and printf share.

import { normalizePath } from '../../storage/memfs'
import type { Proc } from './types'

export interface TestOutcome {
  status: number
  /** The complaint, without the program prefix ("missing ]", "x: integer expression expected"). */
  error?: string
}

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-z', '-n', '-L', '-h', '-b', '-c', '-p', '-S', '-t'])
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot'])

function integer(s: string, p: Proc): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) {
    const f = p.image.flavor
    throw new TestError(f === 'busybox' ? `${s}: bad number` : p.image.shell.kind === 'dash' ? `Illegal number: ${s}` : `${s}: integer expression expected`)
  }
  return parseInt(s, 10)
}

function fileTest(op: string, arg: string, p: Proc): boolean {
  const path = normalizePath(arg, p.cwd)
  const fs = p.env.fs
  const exists = arg !== '' && fs.exists(path)
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
    case '-x':
      return exists
    case '-f':
      return exists && !fs.isDir(path)
    case '-d':
      return exists && fs.isDir(path)
    case '-s':
      return exists && (fs.isDir(path) || fs.readFile(path).length > 0)
    default:
      return false
  }
}

function unary(op: string, arg: string, p: Proc): boolean {
  if (op === '-z') return arg.length === 0
  if (op === '-n') return arg.length > 0
  if (op === '-t') return false
  return fileTest(op, arg, p)
}

function binary(a: string, op: string, b: string, p: Proc): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '-eq':
      return integer(a, p) === integer(b, p)
    case '-ne':
      return integer(a, p) !== integer(b, p)
    case '-lt':
      return integer(a, p) < integer(b, p)
    case '-le':
      return integer(a, p) <= integer(b, p)
    case '-gt':
      return integer(a, p) > integer(b, p)
    case '-ge':
      return integer(a, p) >= integer(b, p)
    default:
      return false
  }
}

function primary(args: string[], p: Proc): boolean {
  switch (args.length) {
    case 0:
      return false
    case 1:
      return args[0].length > 0
    case 2:
      if (args[0] === '!') return !primary(args.slice(1), p)
      if (UNARY.has(args[0])) return unary(args[0], args[1], p)
      throw new TestError(`${args[0]}: unary operator expected`)
    case 3:
      if (BINARY.has(args[1])) return binary(args[0], args[1], args[2], p)
      if (args[0] === '!') return !primary(args.slice(1), p)
      if (args[0] === '(' && args[2] === ')') return primary([args[1]], p)
      throw new TestError(`${args[1]}: binary operator expected`)
    default:
      if (args[0] === '!') return !primary(args.slice(1), p)
      if (args[0] === '(' && args[args.length - 1] === ')') return primary(args.slice(1, -1), p)
      throw new TestError('too many arguments')
  }
}

function expr(args: string[], p: Proc): boolean {
  const or = args.indexOf('-o')
  if (or > 0) return expr(args.slice(0, or), p) || expr(args.slice(or + 1), p)
  const and = args.indexOf('-a')
  if (and > 0) return expr(args.slice(0, and), p) && expr(args.slice(and + 1), p)
  return primary(args, p)
}

/** Runs `test args` or `[ args ]` (argv[0] decides which). */
export function evalTest(argv: readonly string[], p: Proc): TestOutcome {
  let args = argv.slice(1)
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return { status: 2, error: 'missing ]' }
    args = args.slice(0, -1)
  }
  try {
    return { status: expr(args, p) ? 0 : 1 }
  } catch (e) {
    if (!(e instanceof TestError)) throw e
    return { status: 2, error: e.message }
  }
}

/** Backslash escapes of `echo -e` and printf's format: \n \t \\ \c (stop), octal \0nnn. */
export function unescape(s: string): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i]
      continue
    }
    const c = s[++i]
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' }
    if (c === 'c') return { text: out, stop: true }
    if (map[c] !== undefined) out += map[c]
    else if (c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0]
      out += String.fromCharCode(parseInt(m || '0', 8))
      i += m.length
    } else out += '\\' + c
  }
  return { text: out, stop: false }
}

/** printf FORMAT [ARG...]: %s %d %i %x %o %c %b %% with widths; the format repeats for extra args. */
export function printf(format: string, args: readonly string[]): string {
  const spec = /%([-0 +#]*)(\d*)(?:\.(\d+))?([sdixocbu%])/g
  let out = ''
  let k = 0
  for (;;) {
    let used = false
    let last = 0
    for (const m of format.matchAll(spec)) {
      const lit = unescape(format.slice(last, m.index))
      out += lit.text
      if (lit.stop) return out
      last = m.index! + m[0].length
      const [, flags, width, prec, conv] = m
      if (conv === '%') {
        out += '%'
        continue
      }
      used = true
      const arg = args[k++] ?? ''
      let v: string
      if (conv === 's') v = prec !== undefined ? arg.slice(0, Number(prec)) : arg
      else if (conv === 'b') v = unescape(arg).text
      else if (conv === 'c') v = arg.slice(0, 1)
      else {
        const n = parseInt(arg || '0', 10) || 0
        v = conv === 'x' ? n.toString(16) : conv === 'o' ? n.toString(8) : String(n)
      }
      const w = Number(width || 0)
      if (v.length < w) v = flags.includes('-') ? v.padEnd(w) : v.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ')
      out += v
    }
    const tail = unescape(format.slice(last))
    out += tail.text
    if (tail.stop || !used || k >= args.length) return out
  }
}
