// go-yaml v2's syntax error messages, derived from the `yaml` package's diagnostics. The two parsers
// detect problems at different points, so this maps the first error's code to go-yaml's message and
// line (checked case by case against kubectl v1.33's `create -f x.yaml --dry-run=client`; the
// cases are the tests in yaml-errors.test.ts). Each document is parsed on its own, so lines count
// from the document's first line, as with kubectl's YAML reader.

import type { LineCounter, YAMLError } from 'yaml'

const MAPPING_VALUES = 'mapping values are not allowed in this context'
const EXPECTED_KEY = 'did not find expected key'
const CANNOT_START = 'found character that cannot start any token'
const END_OF_STREAM = 'found unexpected end of stream'
const TAB_INDENT = 'found a tab character that violates indentation'

function at(line: number, message: string): string {
  return `yaml: line ${line}: ${message}`
}

/** A line of blanks holding a tab: go-yaml rejects it as indentation while looking for the next token. */
function tabOnlyLine(text: string): number | undefined {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) if (/^[ \t]*\t[ \t]*$/.test(lines[i])) return i + 1
  return undefined
}

export function goYamlError(text: string, errors: readonly YAMLError[], lc: LineCounter): string {
  const first = errors[0]
  const line = (pos: number) => lc.linePos(pos).line
  const startLine = line(first.pos[0])
  // go-yaml reports an implicit key spanning lines where that key ends.
  const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY')
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return at(startLine, CANNOT_START)
    case 'BAD_SCALAR_START':
      return at(startLine, CANNOT_START)
    case 'MULTILINE_IMPLICIT_KEY':
      return at(line(first.pos[1]), MAPPING_VALUES)
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (first.message.startsWith('A block sequence')) return at(startLine - 1, EXPECTED_KEY)
      return at(multiline ? line(multiline.pos[1]) : startLine, MAPPING_VALUES)
    case 'BAD_INDENT':
      if (first.message.startsWith('Flow sequence')) return at(startLine - 1, "did not find expected ',' or ']'")
      if (first.message.startsWith('Flow map')) return at(startLine - 1, "did not find expected ',' or '}'")
      return at(Math.max(1, startLine - 1), EXPECTED_KEY)
    case 'MISSING_CHAR':
      if (/Missing closing/.test(first.message)) return at(startLine, END_OF_STREAM)
      if (/followed by map values/.test(first.message)) return at(startLine, "could not find expected ':'")
      if (/Sequence item without/.test(first.message)) return at(startLine - 1, EXPECTED_KEY)
      return at(startLine, END_OF_STREAM)
    case 'UNEXPECTED_TOKEN':
      return at(startLine, CANNOT_START)
    default: {
      const tab = tabOnlyLine(text)
      if (tab !== undefined) return at(tab, TAB_INDENT)
      return at(startLine, EXPECTED_KEY)
    }
  }
}

/** Problems go-yaml finds that the `yaml` package accepts. */
export function goYamlOnlyError(text: string): string | undefined {
  const tab = tabOnlyLine(text)
  return tab === undefined ? undefined : at(tab, TAB_INDENT)
}
