// Runs shell text one complete command line at a time, as bash reads its input: a syntax error
// costs only its own line in an interactive shell (and ends a script), a heredoc that runs into the
// end of the input gets bash's warning, and an unterminated quote at the end gets bash's message.

import type { Interpreter } from './interpreter'
import { AbortSignal, type Io } from './io'
import { Parser } from './parser'

export interface RunTextOptions {
  /** An interactive shell (the terminal) rather than a script file or `-c` string. */
  interactive: boolean
  /** `$0` of a script: its messages start `<name>: line N: `. */
  name: string
  /** The line number of the text's first line in the session (interactive heredoc warnings). */
  firstLine?: number
}

function lineOf(text: string, pos: number): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) n++
  return n
}

export async function runScriptText(it: Interpreter, text: string, io: Io, opts: RunTextOptions): Promise<number> {
  const st = it.state
  const d = st.env.dialect
  const first = opts.firstLine ?? 1
  const savedPrefix = st.scriptPrefix
  const prefix = (line: number) => (opts.interactive ? `${d.name}: ` : `${opts.name}: line ${line}: `)
  let pos = 0
  try {
    while (pos < text.length) {
      const line = first + lineOf(text, pos)
      const r = Parser.line(text, pos, st.aliases)
      if (r.kind === 'empty') break
      if (r.kind === 'incomplete') {
        // A trailing backslash at the very end is dropped (bash reads EOF as the next line).
        if (r.backslash && text.endsWith('\\')) {
          text = text.slice(0, -1)
          continue
        }
        io.err(`${prefix(line)}${r.closer ? d.eofQuote(r.closer) : d.eofSyntax()}\n`)
        st.status = 2
        break
      }
      if (r.kind === 'syntax') {
        io.err(`${prefix(line)}${d.syntax(r.token)}\n`)
        st.status = 2
        if (!opts.interactive) break
        // Always move on, even if the parser pointed back into text already read.
        pos = Math.max(r.end, text.indexOf('\n', pos) + 1 || text.length)
        continue
      }
      if (d.kind === 'bash') for (const h of r.heredocEof) io.err(`${prefix(line + h.line)}${d.heredocEof(line + h.line, h.delimiter)}\n`)
      st.scriptPrefix = opts.interactive ? savedPrefix : prefix(line)
      pos = r.end
      try {
        await it.list(r.list, io)
      } catch (e) {
        if (!(e instanceof AbortSignal)) throw e
        st.status = e.status
        if (!opts.interactive) break
      }
    }
  } finally {
    st.scriptPrefix = savedPrefix
  }
  return st.status
}
