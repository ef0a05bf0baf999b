// Reading operands the way text tools do: `-` or no operand means standard input; a file that
// cannot be read yields an errno the tool turns into its own message.

import { normalizePath, type FsErrorCode, type MemFs } from '../../storage/memfs'
import type { CommandContext } from '../types'

/**
 * The same context with other arguments. Not `{ ...ctx }`: that would read `stdin` (a lazy getter)
 * and take input a `while read` loop still needs.
 */
export function withArgv(ctx: CommandContext, argv: readonly string[]): CommandContext {
  return Object.create(ctx, { argv: { value: argv } }) as CommandContext
}

/**
 * Just enough of a context to parse `argv` with (Command.followsStdin asks before the command runs):
 * whatever the parse would print goes nowhere.
 */
export function parseOnlyContext(argv: readonly string[]): CommandContext {
  return { argv, stdout: () => {}, stderr: () => {} } as unknown as CommandContext
}

export type Source = { name: string; text: string; stdin: boolean } | { name: string; error: FsErrorCode }

export function readSource(ctx: CommandContext, name: string): Source {
  if (name === '-') return { name, text: ctx.stdin ?? '', stdin: true }
  if (name === '/dev/null') return { name, text: '', stdin: false }
  const entry = ctx.fs.stat(normalizePath(name, ctx.cwd))
  if (!entry) return { name, error: 'ENOENT' }
  if (entry.type === 'dir') return { name, error: 'EISDIR' }
  return { name, text: entry.content, stdin: false }
}

export function readSources(ctx: CommandContext, names: readonly string[]): Source[] {
  return (names.length ? names : ['-']).map((n) => readSource(ctx, n))
}

/** Splits text into lines; a last line without a newline is still a line. */
export function lines(text: string): string[] {
  if (text === '') return []
  const out = text.split('\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}

/** Joins lines back, each ending in a newline. */
export function unlines(ls: readonly string[]): string {
  return ls.length ? ls.join('\n') + '\n' : ''
}

/**
 * gnulib's shell-escape quoting of file names in messages. `always` is quoteaf (rm, ls, head, cp:
 * `'x'`); otherwise quotef, which quotes only names that need it (cat, wc, cut: `x`, `'a b'`).
 */
export function quoteName(name: string, always = true): string {
  const safe = name !== '' && !/[^A-Za-z0-9%+,\-./:=@_^\u00a0-\uffff]/.test(name) && !/^[~#]/.test(name)
  if (safe && !always) return name
  if (!name.includes("'")) return `'${name}'`
  if (!/["$`\\]/.test(name)) return `"${name}"`
  return `'${name.replace(/'/g, "'\\''")}'`
}

/** gnulib's locale quoting in a UTF-8 locale (mkdir, `invalid number of lines: ‘x’`). */
export function quoteLocale(s: string): string {
  return `\u2018${s}\u2019`
}

/**
 * MemFs has no chmod: the mode lives on the entry, and writeFile replaces the entry. These keep an
 * executable script executable when it is rewritten (`echo >> run.sh`, `cp`).
 */
export function setMode(fs: MemFs, path: string, mode: number): void {
  const e = fs.stat(path)
  if (e?.type === 'file') e.mode = mode
}

export function writeKeepingMode(fs: MemFs, path: string, content: string, now: number, append = false): void {
  const before = fs.stat(path)
  const mode = before?.type === 'file' ? before.mode : undefined
  fs.writeFile(path, content, now, { append })
  if (mode !== undefined) setMode(fs, path, mode)
}
