// awk's tokens: `/` starts a regular expression only where an operand may start (after an
// operator or at the start), otherwise it divides.

export class AwkSyntaxError extends Error {}

export type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' }

export const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'exit', 'delete', 'in', 'print', 'printf', 'getline', 'function', 'return'])
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system'])
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=']

export function lex(src: string): Tok[] {
  const toks: Tok[] = []
  let i = 0
  const operandEnded = () => {
    const p = toks[toks.length - 1]
    return p && (p.t === 'num' || p.t === 'str' || (p.t === 'name' && !KEYWORDS.has(p.v)) || (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')))
  }
  while (i < src.length) {
    const c = src[i]
    if (c === ' ' || c === '\t' || c === '\r') i++
    else if (c === '\\' && src[i + 1] === '\n') i += 2
    else if (c === '#') while (i < src.length && src[i] !== '\n') i++
    else if (c === '\n') {
      toks.push({ t: 'nl' })
      i++
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))![0]
      toks.push({ t: 'num', v: Number(m) })
      i += m.length
    } else if (c === '"') {
      let s = ''
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i]
          s += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[n] ?? '\\' + n
        } else s += src[i]
        i++
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant "' + s.slice(0, 10) + ' ...')
      i++
      toks.push({ t: 'str', v: s })
    } else if (c === '/' && !operandEnded()) {
      let s = ''
      i++
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\n') break
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/'
          i += 2
          continue
        }
        if (src[i] === '\\' && i + 1 < src.length) s += src[i++]
        s += src[i++]
      }
      if (src[i] !== '/') throw new AwkSyntaxError('runaway regular expression /' + s.slice(0, 10) + ' ...')
      i++
      toks.push({ t: 're', v: s })
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0]
      toks.push({ t: 'name', v: m })
      i += m.length
    } else {
      const op = OPS.find((o) => src.startsWith(o, i))
      if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`)
      toks.push({ t: 'op', v: op })
      i += op.length
    }
  }
  toks.push({ t: 'eof' })
  return toks
}

