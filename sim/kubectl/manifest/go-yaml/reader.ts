// The input side of a re-implementation of go-yaml v2's scanner (sigs.k8s.io/yaml goyaml.v2,
// readerc.go / yamlprivateh.go): characters, positions (0-based line and column, counted in
// characters), character classes, and the errors with the marks go-yaml reports them at.

export interface Mark {
  index: number
  line: number
  column: number
}

export type YamlErrorKind = 'reader' | 'scanner' | 'parser'

/** A go-yaml error; `goYamlMessage` turns it into the text kubectl shows. */
export class GoYamlError extends Error {
  constructor(
    readonly kind: YamlErrorKind,
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly contextMark: Mark | undefined,
  ) {
    super(problem)
  }
}

/**
 * yaml.v2 parser.fail(): `yaml: line N: <problem>`. A scanner error reports the 1-based line of the
 * position where it gave up; a parser error reports the 0-based line of the offending token, which
 * reads as the line before it (and no line at all on the first line).
 */
export function goYamlMessage(e: GoYamlError): string {
  let line = 0
  if (e.problemMark && e.problemMark.line !== 0) line = e.problemMark.line + (e.kind === 'scanner' ? 1 : 0)
  else if (e.contextMark && e.contextMark.line !== 0) line = e.contextMark.line
  return `yaml: ${line !== 0 ? `line ${line}: ` : ''}${e.problem}`
}

export const isBreak = (c: number) => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029
export const isBreakZ = (c: number) => c === 0 || isBreak(c)
export const isBlank = (c: number) => c === 0x20 || c === 0x09
export const isBlankZ = (c: number) => isBlank(c) || isBreakZ(c)
export const isAlpha = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39
export const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** The characters a YAML stream may hold (readerc.go); anything else is "control characters are not allowed". */
function allowed(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000
}

export class Reader {
  readonly chars: number[]
  pos = 0
  mark: Mark = { index: 0, line: 0, column: 0 }

  constructor(text: string) {
    this.chars = []
    for (const ch of text) {
      const c = ch.codePointAt(0)!
      if (!allowed(c)) throw new GoYamlError('reader', 'control characters are not allowed', undefined, undefined)
      this.chars.push(c)
    }
  }

  /** The character k places ahead; 0 past the end (go-yaml pads its buffer with NUL). */
  at(k = 0): number {
    return this.chars[this.pos + k] ?? 0
  }

  copyMark(): Mark {
    return { ...this.mark }
  }

  skip(): void {
    this.mark.index++
    this.mark.column++
    this.pos++
  }

  skipLine(): void {
    if (this.at() === 0x0d && this.at(1) === 0x0a) {
      this.mark.index += 2
      this.mark.column = 0
      this.mark.line++
      this.pos += 2
    } else if (isBreak(this.at())) {
      this.mark.index++
      this.mark.column = 0
      this.mark.line++
      this.pos++
    }
  }

  /** Appends the current character to s and moves on. */
  read(s: string): string {
    const c = this.at()
    this.skip()
    return s + String.fromCodePoint(c)
  }

  /** Appends a line break (CR, LF, CRLF and NEL as "\n"; LS/PS as themselves) and moves to the next line. */
  readLine(s: string): string {
    const c = this.at()
    let out: string
    if (c === 0x0d && this.at(1) === 0x0a) {
      out = '\n'
      this.pos += 2
      this.mark.index++
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      out = '\n'
      this.pos++
    } else if (c === 0x2028 || c === 0x2029) {
      out = String.fromCodePoint(c)
      this.pos++
    } else {
      return s
    }
    this.mark.index++
    this.mark.column = 0
    this.mark.line++
    return s + out
  }
}
