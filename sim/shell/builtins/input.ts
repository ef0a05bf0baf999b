// read, source/., and bash/sh: builtins that read lines or whole scripts.

import { BASH_HELP_FIRST_LINE, BASH_HELP_TRAILER, BASH_USAGE, BASH_VERSION_TEXT } from './bash-texts'
import { normalizePath } from '../../storage/memfs'
import type { Builtin } from './types'

export const read: Builtin = {
  name: 'read',
  run(ctx) {
    let raw = false
    const names: string[] = []
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-r') raw = true
      else if (a === '-p' || a === '-t' || a === '-n' || a === '-d' || a === '-u') i++
      else if (a.startsWith('-') && a.length > 1) continue
      else names.push(a)
    }
    const input = ctx.input
    if (!input || input.pos >= input.text.length) return 1
    let line = ''
    let complete = false
    while (input.pos < input.text.length) {
      const c = input.text[input.pos++]
      if (c === '\n') {
        complete = true
        break
      }
      if (c === '\\' && !raw) {
        const n = input.text[input.pos++]
        if (n === '\n' || n === undefined) continue
        line += '\u0000' + n
        continue
      }
      line += c
    }
    const targets = names.length ? names : ['REPLY']
    const fields = names.length ? splitInto(line, targets.length) : [line]
    // eslint-disable-next-line no-control-regex -- NUL marks a backslash-escaped character
    targets.forEach((n, i) => ctx.shell.set(n, (fields[i] ?? '').replace(/\u0000/g, '')))
    return complete ? 0 : 1
  },
}

/** IFS splitting for read: the last name takes the rest of the line. */
function splitInto(line: string, n: number): string[] {
  const out: string[] = []
  let rest = line.replace(/^[ \t\n]+/, '')
  while (out.length < n - 1 && rest !== '') {
    // eslint-disable-next-line no-control-regex -- NUL marks a backslash-escaped character
    const m = /^((?:\u0000[\s\S]|[^ \t\n])*)[ \t\n]*/.exec(rest)!
    out.push(m[1])
    rest = rest.slice(m[0].length)
  }
  out.push(rest.replace(/[ \t\n]+$/, ''))
  return out
}

export const source: Builtin = {
  name: 'source',
  async run(ctx) {
    const name = ctx.argv[0]
    const file = ctx.argv[1]
    if (file === undefined) {
      ctx.error(`${name}: filename argument required`)
      ctx.stderr(`${name}: usage: ${name} filename [arguments]\n`)
      return 2
    }
    const path = normalizePath(file, ctx.shell.cwd)
    const entry = ctx.fs.stat(path)
    if (!entry || entry.type !== 'file') {
      ctx.error(`${file}: ${entry ? 'is a directory' : 'No such file or directory'}`)
      return 1
    }
    const args = ctx.argv.slice(2)
    return ctx.runText(entry.content, { subshell: false, args: args.length ? args : undefined })
  },
}

export const dot: Builtin = { ...source, name: '.', run: (ctx) => source.run(ctx) }

/** bash's GNU long options (`bash --help`), besides --help and --version. */
const BASH_LONG_OPTIONS = ['--debug', '--debugger', '--dump-po-strings', '--dump-strings', '--init-file', '--login', '--noediting', '--noprofile', '--norc', '--posix', '--pretty-print', '--rcfile', '--restricted', '--verbose']

/** `bash -c 'cmds'`, `bash script.sh args`, `sh ...`: a child shell. */
function childShell(name: 'bash' | 'sh'): Builtin {
  return {
    name,
    path: `/usr/bin/${name}`,
    async run(ctx) {
      const args = ctx.argv.slice(1)
      let i = 0
      // Long options come first. dash (Debian's sh) has none; bash knows a few.
      for (; i < args.length && args[i].startsWith('--') && args[i] !== '--'; i++) {
        const opt = args[i]
        if (name === 'sh') {
          ctx.stderr('sh: 0: Illegal option --\n')
          return 2
        }
        if (opt === '--version') {
          ctx.stdout(BASH_VERSION_TEXT)
          return 0
        }
        if (opt === '--help') {
          ctx.stdout(BASH_HELP_FIRST_LINE + BASH_USAGE + BASH_HELP_TRAILER)
          return 0
        }
        if (!BASH_LONG_OPTIONS.includes(opt)) {
          ctx.stderr(`bash: ${opt}: invalid option\n${BASH_USAGE}`)
          return 2
        }
        // The others change start-up files, debugging or editing, which a child shell here has none of.
        if (opt === '--init-file' || opt === '--rcfile') i++
      }
      // After `--` the next word is the script file, whatever it looks like.
      const endOfOptions = args[i] === '--'
      if (endOfOptions) i++
      while (!endOfOptions && i < args.length && /^[-+][a-zA-Z]+$/.test(args[i]) && args[i] !== '-c') i++
      if (!endOfOptions && args[i] === '-c') {
        const script = args[i + 1]
        if (script === undefined) {
          ctx.stderr(`${name}: -c: option requires an argument\n`)
          return 2
        }
        return ctx.runText(script, { subshell: true, argv0: args[i + 2] ?? name, args: args.slice(i + 3) })
      }
      const file = args[i]
      if (file === undefined) {
        // No script: commands come from stdin (`echo 'echo hi' | bash`); a terminal gets nothing here.
        const text = ctx.stdin
        return text ? ctx.runText(text, { subshell: true, argv0: name, args: [] }) : 0
      }
      const entry = ctx.fs.stat(normalizePath(file, ctx.shell.cwd))
      if (!entry || entry.type !== 'file') {
        ctx.stderr(`${name}: ${file}: ${entry ? 'Is a directory' : 'No such file or directory'}\n`)
        return entry ? 126 : 127
      }
      return ctx.runText(entry.content.replace(/^#![^\n]*\n/, ''), { subshell: true, argv0: file, args: args.slice(i + 1) })
    },
  }
}

export const bash = childShell('bash')
export const sh = childShell('sh')
