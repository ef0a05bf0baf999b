// Splits a script into the commands a person would type one after another: one per line, except
// that a command continues while it is incomplete (a heredoc up to its delimiter, a trailing `\`, an
// open quote, `for ... do` up to `done`). Blank lines and comment lines between commands are skipped.

export interface ScriptCommand {
  /** The full text of the command (with its heredoc body and continuation lines). */
  text: string
  /** Its first line, as the transcript shows it (`$ cat <<EOF > web.yaml`). */
  firstLine: string
  /** 1-based line number in the script. */
  line: number
}

export function splitScript(text: string, needsMore: (command: string) => boolean): ScriptCommand[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const out: ScriptCommand[] = []
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]
    const trimmed = first.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    let cmd = first
    const start = i
    while (needsMore(cmd) && i + 1 < lines.length) cmd += '\n' + lines[++i]
    out.push({ text: cmd, firstLine: first, line: start + 1 })
  }
  return out
}
