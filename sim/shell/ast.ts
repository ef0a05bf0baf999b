// The syntax tree of the bash subset the emulated shell understands. Words keep their quoting, because
// quoting decides what expansion does to them (field splitting, globbing, heredoc expansion).

/** A piece of a word. `quoted` literals are not globbed; expansions in double quotes are not split. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean }
  /** `${...}` with its inner text, parsed when expanded (bash reports a bad substitution only then). */
  | { kind: 'brace'; inner: string; quoted: boolean }
  | { kind: 'cmdsub'; body: List; quoted: boolean }
  | { kind: 'arith'; expr: string; quoted: boolean }
  /** `~` or `~user` at the start of a word. */
  | { kind: 'tilde'; user: string }
  /** `<(cmd)`: the command's output as a file name (`/dev/fd/63`). */
  | { kind: 'procsub'; body: List }
  /** A pair of double quotes, kept so `""` makes an empty word. */
  | { kind: 'dq'; parts: WordPart[] }

export interface Word {
  parts: WordPart[]
  /** The source text, for messages (`${a b}: bad substitution`) and heredoc delimiters. */
  raw: string
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|' | '<>'

export interface Redir {
  /** The file descriptor redirected; undefined means the operator's default (0 for `<`, 1 for `>`). */
  fd: number | undefined
  op: RedirOp
  target: Word
  /** For `<<`: the body, and whether the delimiter was quoted (then the body is not expanded). */
  heredoc?: { body: string; quoted: boolean; delimiter: string }
}

export interface Assign {
  name: string
  value: Word
  append: boolean
}

export type Command =
  | { type: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[] }
  | { type: 'for'; name: string; items: Word[] | undefined; body: List; redirs: Redir[] }
  | { type: 'if'; clauses: { cond: List; body: List }[]; otherwise: List | undefined; redirs: Redir[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { type: 'group'; body: List; redirs: Redir[] }
  | { type: 'subshell'; body: List; redirs: Redir[] }
  /** `case WORD in pattern|pattern) list ;; ... esac`; `;&` falls through to the next body. */
  | { type: 'case'; word: Word; items: { patterns: Word[]; body: List; fallthrough: boolean }[]; redirs: Redir[] }
  /** `name() compound-command`: defines a shell function. */
  | { type: 'function'; name: string; body: Command; redirs: Redir[] }

export interface Pipeline {
  negate: boolean
  commands: Command[]
  /** `|&` after command i pipes its stderr too. */
  pipeStderr: boolean[]
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
}

export interface ListItem {
  andOr: AndOr
  background: boolean
  /** The source text of this item (for `jobs` and the `[1]+  Done  cmd` notice). */
  text: string
}

export interface List {
  items: ListItem[]
}
