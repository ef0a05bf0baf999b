// What `kubectl apply -f` would say about the buffer's YAML, before the student runs it: the buffer
// goes through the simulator's manifest decoder (sim/kubectl/manifest: apimachinery's YAMLReader
// splitting at `---` lines, then go-yaml v2 per document), so the text is kubectl's own
// ("error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context")
// and the marker sits on the line kubectl names. go-yaml counts lines from the first line of each
// document, and a parser error names the line *before* the offending token (see
// sim/kubectl/manifest/go-yaml/reader.ts goYamlMessage); the marker follows kubectl's number, not
// ours, because the point is to teach the student to read kubectl's message.

import { decodeStream } from '../../sim'

export interface KubectlDiagnostic {
  /** 1-based line of the buffer. */
  line: number
  /** The message as kubectl prints it after `error: error parsing <file>: `. */
  message: string
}

/** The lines where YAMLReader's documents start (1-based), in the order it hands them to the decoder. */
export function documentStartLines(text: string): number[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  const starts: number[] = []
  let start = 1
  let buffered = false
  lines.forEach((line, i) => {
    if (line.startsWith('---')) {
      if (buffered) starts.push(start)
      start = i + 2
      buffered = false
    } else buffered = true
  })
  if (buffered) starts.push(start)
  return starts
}

/** The first line starting with `---` followed by something other than a comment. */
function badSeparatorLine(text: string): number {
  const lines = text.split('\n')
  const i = lines.findIndex((l) => l.startsWith('---') && /^\s*[^\s#]/.test(l.slice(3)))
  return i < 0 ? 1 : i + 1
}

/** The first line of a document that holds something (the line go-yaml means when it names none). */
function firstContentLine(text: string, from: number): number {
  const lines = text.split('\n')
  for (let i = from - 1; i < lines.length; i++) if (/^\s*[^\s#]/.test(lines[i]) && !lines[i].startsWith('---')) return i + 1
  return from
}

/** The line of the first `*name` alias after `from` (go-yaml's "unknown anchor" names no line). */
function aliasLine(text: string, from: number, name: string): number | undefined {
  const lines = text.split('\n')
  const re = new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^\\s,\\]}])`)
  for (let i = from - 1; i < lines.length; i++) if (re.test(lines[i])) return i + 1
  return undefined
}

/** kubectl's error for the buffer, on the line it names; undefined when kubectl can read every document. */
export function kubectlYamlDiagnostic(text: string): KubectlDiagnostic | undefined {
  const decoded = decodeStream(text)
  const message = decoded.error
  if (message === undefined) return undefined
  if (message.startsWith('invalid Yaml document separator')) return { line: badSeparatorLine(text), message }
  const starts = documentStartLines(text)
  // The documents before the failing one decoded, so its index is the number of values so far.
  const docStart = starts[decoded.values.length] ?? starts[starts.length - 1] ?? 1
  const numbered = /^error converting YAML to JSON: yaml: line (\d+): /.exec(message)
  if (numbered) return { line: docStart + Number(numbered[1]) - 1, message }
  const anchor = /yaml: unknown anchor '(.*)' referenced$/.exec(message)
  const line = (anchor && aliasLine(text, docStart, anchor[1])) || firstContentLine(text, docStart)
  return { line, message }
}
