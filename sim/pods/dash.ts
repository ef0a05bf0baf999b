// The /bin/sh of Debian and Ubuntu images: dash. Its messages carry the number of the input line they
// happened on (`sh: 1: foo: not found`; interactively, the count of lines typed so far), its root prompt
// is `# `, and its texts come from dash's error.c / jobs.c / redir.c (0.5.12).

import { ASH, type Dialect, fsErrorText } from '../shell/dialect'

export interface LineCounter {
  line: number
}

export function dashDialect(counter: LineCounter): Dialect {
  const at = () => `${counter.line}: `
  return {
    ...ASH,
    kind: 'ash',
    name: 'sh',
    notFound: (cmd) => `${at()}${cmd}: not found`,
    syntax: (t) => `${at()}Syntax error: ${t === 'newline' ? 'newline' : `"${t}"`} unexpected`,
    eofQuote: () => `${at()}Syntax error: Unterminated quoted string`,
    eofSyntax: () => `${at()}Syntax error: end of file unexpected`,
    execError: (path, why) =>
      why === 'ENOENT' ? { message: `${at()}${path}: not found`, status: 127 } : { message: `${at()}${path}: Permission denied`, status: 126 },
    redirError: (target, code, write) => {
      const missing = code === 'ENOENT' || code === 'ENOTDIR'
      return write ? `${at()}cannot create ${target}: ${missing ? 'Directory nonexistent' : fsErrorText(code)}` : `${at()}cannot open ${target}: ${missing ? 'No such file' : fsErrorText(code)}`
    },
    cdError: (target, code) => {
      if (code === 'NOHOME' || code === 'ARGS' || code === 'OLDPWD') return { message: `${at()}cd: can't cd to ${target}`, status: 2 }
      return { message: `${at()}cd: can't cd to ${target}`, status: 2 }
    },
    printsExit: false,
  }
}
