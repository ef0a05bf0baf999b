// test and [: POSIX's argument-count rules (test.c), the file tests that matter on a MemFs, string and
// integer comparisons, `!`, `-a`, `-o`, parentheses. Errors exit 2 with bash's wording.

import { normalizePath } from '../../storage/memfs'
import type { Builtin, BuiltinContext } from './types'

class TestError {
  constructor(readonly message: string) {}
}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-z', '-n', '-L', '-h', '-a', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

function int(s: string): number {
  if (!/^\s*[-+]?[0-9]+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`)
  return Number(s)
}

function unary(ctx: BuiltinContext, op: string, arg: string): boolean {
  const entry = ctx.fs.stat(normalizePath(arg, ctx.shell.cwd))
  switch (op) {
    case '-z': return arg === ''
    case '-n': return arg !== ''
    case '-e': case '-a': case '-r': case '-w': return entry !== undefined
    case '-f': return entry?.type === 'file'
    case '-d': return entry?.type === 'dir'
    case '-s': return entry?.type === 'file' ? entry.content.length > 0 : entry !== undefined
    case '-x': return entry?.type === 'dir' || (entry?.type === 'file' && ((entry.mode ?? 0o644) & 0o111) !== 0)
    case '-t': return false
    default: return false
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=': case '==': return a === b
    case '!=': return a !== b
    case '<': return a < b
    case '>': return a > b
    case '-eq': return int(a) === int(b)
    case '-ne': return int(a) !== int(b)
    case '-lt': return int(a) < int(b)
    case '-le': return int(a) <= int(b)
    case '-gt': return int(a) > int(b)
    case '-ge': return int(a) >= int(b)
    default: return false
  }
}

function evaluate(ctx: BuiltinContext, args: string[]): boolean {
  switch (args.length) {
    case 0: return false
    case 1: return args[0] !== ''
    case 2:
      if (args[0] === '!') return args[1] === ''
      if (UNARY.has(args[0])) return unary(ctx, args[0], args[1])
      throw new TestError(`${args[0]}: unary operator expected`)
    case 3:
      if (BINARY.has(args[1])) return binary(args[0], args[1], args[2])
      if (args[1] === '-a') return args[0] !== '' && args[2] !== ''
      if (args[1] === '-o') return args[0] !== '' || args[2] !== ''
      if (args[0] === '!') return !evaluate(ctx, args.slice(1))
      if (args[0] === '(' && args[2] === ')') return args[1] !== ''
      throw new TestError(`${args[1]}: binary operator expected`)
    case 4:
      if (args[0] === '!') return !evaluate(ctx, args.slice(1))
      if (args[0] === '(' && args[3] === ')') return evaluate(ctx, args.slice(1, 3))
  }
  const or = args.indexOf('-o', 1)
  if (or > 0) return evaluate(ctx, args.slice(0, or)) || evaluate(ctx, args.slice(or + 1))
  const and = args.indexOf('-a', 1)
  if (and > 0) return evaluate(ctx, args.slice(0, and)) && evaluate(ctx, args.slice(and + 1))
  if (args[0] === '!') return !evaluate(ctx, args.slice(1))
  throw new TestError('too many arguments')
}

function makeTest(name: 'test' | '['): Builtin {
  return {
    name,
    run(ctx) {
      let args = ctx.argv.slice(1)
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          ctx.error("[: missing `]'")
          return 2
        }
        args = args.slice(0, -1)
      }
      try {
        return evaluate(ctx, args) ? 0 : 1
      } catch (e) {
        if (!(e instanceof TestError)) throw e
        ctx.error(`${name}: ${e.message}`)
        return 2
      }
    },
  }
}

export const test = makeTest('test')
export const bracket = makeTest('[')
