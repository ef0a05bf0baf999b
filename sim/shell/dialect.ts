// How the shell words its own errors. The host is an interactive GNU bash 5 (`bash: foo: command not
// found`); a container's /bin/sh is usually busybox ash (`sh: foo: not found`). Texts checked against
// bash 5.2 run interactively and against busybox 1.36's shell/ash.c.

import type { FsErrorCode } from '../storage/memfs'

export interface Dialect {
  kind: 'bash' | 'ash'
  /** The name errors start with (`bash`, `sh`). */
  name: string
  notFound(cmd: string): string
  syntax(token: string): string
  /** Input ended inside a quote (`"`, `'`, `` ` ``, `)`, `}`). */
  eofQuote(closer: string): string
  /** Input ended inside a compound command or after `|`, `&&`. */
  eofSyntax(): string
  heredocEof(line: number, delimiter: string): string
  /** A file named with a slash that cannot be run. */
  execError(path: string, why: 'ENOENT' | 'EISDIR' | 'EACCES'): { message: string; status: number }
  /** A redirection that failed to open its file. */
  redirError(target: string, code: FsErrorCode, write: boolean): string
  cdError(target: string, code: FsErrorCode | 'NOHOME' | 'ARGS' | 'OLDPWD'): { message: string; status: number }
  /** Whether `exit` in an interactive shell prints `exit` on stderr (bash does, ash does not). */
  printsExit: boolean
}

const FS_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EBUSY: 'Device or resource busy',
}

export function fsErrorText(code: FsErrorCode): string {
  return FS_TEXT[code]
}

const ANSI_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\x1b': '\\E', "'": "\\'", '\\': '\\\\' }

/** Characters iswprint() rejects: C0/C1 controls, DEL, lone surrogates (bytes that were not UTF-8). */
function unprintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029
}

function octalBytes(ch: string): string {
  const cp = ch.codePointAt(0)!
  // A lone surrogate in U+DC80..U+DCFF stands for one raw byte that was not valid UTF-8.
  if (cp >= 0xdc80 && cp <= 0xdcff) return '\\' + (cp - 0xdc00).toString(8).padStart(3, '0')
  return [...new TextEncoder().encode(ch)].map((b) => '\\' + b.toString(8).padStart(3, '0')).join('')
}

/** bash's printable_filename / ansic_quote: `$'\001x'` when a name has unprintable characters. */
export function printableName(s: string): string {
  const chars = [...s]
  if (!chars.some(unprintable)) return s
  return "$'" + chars.map((c) => ANSI_ESCAPES[c] ?? (unprintable(c) ? octalBytes(c) : c)).join('') + "'"
}

export const BASH: Dialect = {
  kind: 'bash',
  name: 'bash',
  notFound: (cmd) => `${printableName(cmd)}: command not found`,
  syntax: (t) => `syntax error near unexpected token \`${t}'`,
  eofQuote: (c) => `unexpected EOF while looking for matching \`${c}'`,
  eofSyntax: () => 'syntax error: unexpected end of file',
  heredocEof: (line, d) => `warning: here-document at line ${line} delimited by end-of-file (wanted \`${d}')`,
  execError: (path, why) =>
    why === 'ENOENT'
      ? { message: `${path}: No such file or directory`, status: 127 }
      : { message: `${path}: ${why === 'EISDIR' ? 'Is a directory' : 'Permission denied'}`, status: 126 },
  redirError: (target, code) => `${target}: ${FS_TEXT[code]}`,
  cdError: (target, code) => {
    if (code === 'NOHOME') return { message: 'cd: HOME not set', status: 1 }
    if (code === 'ARGS') return { message: 'cd: too many arguments', status: 1 }
    if (code === 'OLDPWD') return { message: 'cd: OLDPWD not set', status: 1 }
    return { message: `cd: ${target}: ${FS_TEXT[code]}`, status: 1 }
  },
  printsExit: true,
}

const ASH_QUOTED = new Set([';', '&', '&&', '||', '|', '(', ')', ';;', '`', '!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}'])

// busybox ash: ash.c's sh_error texts ("can't cd to", "can't create", "not found"); errors in an
// interactive ash set $? to 2 (exitstatus of a failed builtin through sh_error).
export const ASH: Dialect = {
  kind: 'ash',
  name: 'sh',
  notFound: (cmd) => `${cmd}: not found`,
  // tokname(): end of file, newline, redirection and word are bare; operators and keywords quoted.
  syntax: (t) => `syntax error: unexpected ${t === 'newline' ? t : /^[0-9]*[<>&]/.test(t) && t !== '&' && t !== '&&' ? 'redirection' : ASH_QUOTED.has(t) ? `"${t}"` : 'word'}`,
  eofQuote: () => 'syntax error: unterminated quoted string',
  eofSyntax: () => 'syntax error: unexpected end of file',
  heredocEof: () => '',
  execError: (path, why) =>
    why === 'ENOENT' ? { message: `${path}: not found`, status: 127 } : { message: `${path}: Permission denied`, status: 126 },
  // ash.c openredirect(): errmsg() says "nonexistent directory" / "no such file" for ENOENT and ENOTDIR.
  redirError: (target, code, write) => {
    const missing = code === 'ENOENT' || code === 'ENOTDIR'
    return write ? `can't create ${target}: ${missing ? 'nonexistent directory' : FS_TEXT[code]}` : `can't open ${target}: ${missing ? 'no such file' : FS_TEXT[code]}`
  },
  cdError: (target, code) => {
    if (code === 'NOHOME' || code === 'ARGS' || code === 'OLDPWD') return { message: 'cd: usage: cd [-L|-P] [dir]', status: 2 }
    return { message: `cd: can't cd to ${target}: ${FS_TEXT[code]}`, status: 2 }
  },
  printsExit: false,
}
