// sed (GNU sed 4): s///[gpiN], p, d, q, Q, =, a, i, c, y, `{ }` blocks; addresses N, $, /re/,
// ranges and `!`; -n, -e, -E/-r, -i. Errors as GNU words them: `-e expression #1, char 4:
// unterminated `s' command`.

import { normalizePath } from '../../storage/memfs'
import type { Command } from '../types'
import { writeKeepingMode } from './files'
import { compile, translate } from './regex'

type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp }

interface Cmd {
  a1?: Addr
  a2?: Addr
  negate: boolean
  name: string
  text?: string
  re?: RegExp
  repl?: string
  global?: boolean
  nth?: number
  print?: boolean
  from?: string
  to?: string
  block?: Cmd[]
  inRange?: boolean
}

class SedError extends Error {}

class ScriptParser {
  i = 0
  constructor(
    private readonly s: string,
    private readonly ere: boolean,
  ) {}

  private fail(what: string, at = this.i): never {
    throw new SedError(`char ${at}: ${what}`)
  }

  private regex(src: string, flags: string): RegExp {
    const t = translate(src, this.ere)
    const re = 'error' in t ? undefined : compile(t.source, flags)
    if (!re) this.fail('error' in t ? t.error : 'Invalid regular expression')
    return re
  }

  /** Reads up to the unescaped delimiter; `\n` becomes a newline, `\<delim>` the delimiter. */
  private until(delim: string, what: string): string {
    let out = ''
    while (this.i < this.s.length && this.s[this.i] !== delim) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) {
        const n = this.s[this.i + 1]
        out += n === delim ? n : n === 'n' ? '\n' : '\\' + n
        this.i += 2
      } else out += this.s[this.i++]
    }
    if (this.i >= this.s.length) this.fail(`unterminated ${what}`, this.s.length)
    this.i++
    return out
  }

  private addr(): Addr | undefined {
    const s = this.s
    const num = /^[0-9]+/.exec(s.slice(this.i))
    if (num) {
      this.i += num[0].length
      return { k: 'line', n: Number(num[0]) }
    }
    if (s[this.i] === '$') {
      this.i++
      return { k: 'last' }
    }
    if (s[this.i] === '/' || s[this.i] === '\\') {
      const delim = s[this.i] === '\\' ? s[++this.i] : '/'
      this.i++
      const src = this.until(delim, 'address regex')
      let flags = ''
      if (s[this.i] === 'I') {
        flags = 'i'
        this.i++
      }
      return { k: 're', re: this.regex(src, flags) }
    }
    return undefined
  }

  list(inBlock: boolean): Cmd[] {
    const out: Cmd[] = []
    const s = this.s
    for (;;) {
      while (this.i < s.length && /[\s;]/.test(s[this.i])) this.i++
      if (this.i >= s.length) {
        if (inBlock) this.fail('unmatched `{\'', 0)
        return out
      }
      if (s[this.i] === '}') {
        if (!inBlock) this.fail("unexpected `}'", this.i + 1)
        this.i++
        return out
      }
      const cmd: Cmd = { negate: false, name: '' }
      cmd.a1 = this.addr()
      if (cmd.a1 && s[this.i] === ',') {
        this.i++
        cmd.a2 = this.addr()
        if (!cmd.a2) this.fail('unexpected `,\'', this.i)
      }
      while (s[this.i] === ' ') this.i++
      if (s[this.i] === '!') {
        cmd.negate = true
        this.i++
        while (s[this.i] === ' ') this.i++
      }
      const name = s[this.i++]
      cmd.name = name
      if (name === undefined) this.fail('missing command', s.length)
      else if (name === '{') cmd.block = this.list(true)
      else if (name === 's') this.subst(cmd)
      else if (name === 'y') {
        const delim = s[this.i++]
        cmd.from = this.until(delim, "`y' command")
        cmd.to = this.until(delim, "`y' command")
        if ([...cmd.from].length !== [...cmd.to].length) this.fail("strings for `y' command are different lengths")
      } else if (name === 'a' || name === 'i' || name === 'c') {
        if (s[this.i] === '\\') this.i++
        if (s[this.i] === '\n') this.i++
        while (s[this.i] === ' ') this.i++
        const end = s.indexOf('\n', this.i)
        cmd.text = s.slice(this.i, end < 0 ? s.length : end).replace(/\\(.)/g, '$1')
        this.i = end < 0 ? s.length : end
      } else if ('pdqQ=nNgGhHxl'.includes(name)) {
        while (s[this.i] === ' ') this.i++
        if (this.i < s.length && !/[;\n}]/.test(s[this.i]) && !((name === 'q' || name === 'Q') && /[0-9]/.test(s[this.i]))) this.fail('extra characters after command', this.i + 1)
        if (name === 'q' || name === 'Q') {
          const code = /^[0-9]*/.exec(s.slice(this.i))![0]
          cmd.nth = Number(code || 0)
          this.i += code.length
        }
      } else this.fail(`unknown command: \`${name}'`)
      out.push(cmd)
    }
  }

  private subst(cmd: Cmd): void {
    const s = this.s
    const delim = s[this.i++]
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `s' command", s.length)
    const src = this.until(delim, "`s' command")
    cmd.repl = this.until(delim, "`s' command")
    let flags = ''
    for (; this.i < s.length && !/[;\n}\s]/.test(s[this.i]); this.i++) {
      const c = s[this.i]
      if (c === 'g') cmd.global = true
      else if (c === 'p') cmd.print = true
      else if (c === 'i' || c === 'I') flags = 'i'
      else if (/[0-9]/.test(c)) cmd.nth = Number(/^[0-9]+/.exec(s.slice(this.i))![0])
      else this.fail("unknown option to `s'", this.i + 1)
    }
    cmd.re = this.regex(src, flags)
  }
}

function substitute(line: string, c: Cmd): { text: string; done: boolean } {
  const re = new RegExp(c.re!.source, c.re!.flags + 'g')
  let n = 0
  let done = false
  const text = line.replace(re, (...m) => {
    n++
    const groups = m.slice(0, -2) as string[]
    if ((c.nth && n !== c.nth && !(c.global && n > c.nth)) || (!c.global && !c.nth && n > 1)) return groups[0]
    done = true
    return c.repl!.replace(/\\([0-9n&\\])|&/g, (x, d: string | undefined) => (x === '&' ? groups[0] : d === '&' ? '&' : d === '\\' ? '\\' : d === 'n' ? '\n' : (groups[Number(d)] ?? '')))
  })
  return { text, done }
}

export const sed: Command = {
  name: 'sed',
  run(ctx) {
    const scripts: string[] = []
    const files: string[] = []
    let quiet = false
    let ere = false
    let inPlace = false
    const argv = ctx.argv
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]
      if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '')
      else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true
      else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true
      else if (a.startsWith('-i') || a.startsWith('--in-place')) inPlace = true
      else if (/^-[nErs]+$/.test(a)) {
        if (a.includes('n')) quiet = true
        if (a.includes('E') || a.includes('r')) ere = true
      } else files.push(a)
    }
    if (!scripts.length) {
      const first = files.shift()
      if (first === undefined) {
        ctx.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n')
        return 1
      }
      scripts.push(first)
    }
    let program: Cmd[]
    try {
      program = new ScriptParser(scripts.join('\n'), ere).list(false)
    } catch (e) {
      if (!(e instanceof SedError)) throw e
      ctx.stderr(`sed: -e expression #1, ${e.message}\n`)
      return 1
    }
    const inputs = files.length ? files : ['-']
    let status = 0
    const streams: { name: string; text: string }[] = []
    for (const f of inputs) {
      const path = normalizePath(f, ctx.cwd)
      const text = f === '-' ? (ctx.stdin ?? '') : ctx.fs.stat(path)?.type === 'file' ? ctx.fs.readFile(path) : undefined
      if (text === undefined) {
        ctx.stderr(`sed: can't read ${f}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
        status = 2
      } else streams.push({ name: f, text })
    }
    const groups = inPlace ? streams.map((s) => [s]) : [streams]
    for (const group of groups) {
      const ls = group.flatMap((s) => { const l = s.text.split('\n'); if (l[l.length - 1] === '') l.pop(); return l })
      const out = execute(program, ls, quiet)
      if (inPlace) writeKeepingMode(ctx.fs, normalizePath(group[0].name, ctx.cwd), out.text, ctx.sim.now())
      else ctx.stdout(out.text)
      if (out.exit !== undefined) return out.exit
    }
    return status
  },
}

function execute(program: Cmd[], lines: string[], quiet: boolean): { text: string; exit?: number } {
  let out = ''
  for (let n = 0; n < lines.length; n++) {
    const ctx = { space: lines[n], lineNo: n + 1, last: n === lines.length - 1, append: '', deleted: false, quit: undefined as number | undefined, printQuit: true }
    const matches = (a: Addr) => (a.k === 'line' ? a.n === ctx.lineNo : a.k === 'last' ? ctx.last : a.re.test(ctx.space))
    const selected = (c: Cmd): boolean => {
      let hit: boolean
      if (!c.a1) hit = true
      else if (!c.a2) hit = matches(c.a1)
      else if (c.inRange) {
        hit = true
        if (c.a2.k === 'line' ? ctx.lineNo >= c.a2.n : matches(c.a2)) c.inRange = false
      } else if (matches(c.a1)) {
        hit = true
        c.inRange = !(c.a2.k === 'line' && c.a2.n <= ctx.lineNo)
      } else hit = false
      return hit !== c.negate
    }
    const run = (cmds: Cmd[]): boolean => {
      for (const c of cmds) {
        if (!selected(c)) continue
        switch (c.name) {
          case '{': if (!run(c.block!)) return false; break
          case 's': { const r = substitute(ctx.space, c); ctx.space = r.text; if (r.done && c.print) out += ctx.space + '\n'; break }
          case 'y': ctx.space = [...ctx.space].map((ch) => { const k = [...c.from!].indexOf(ch); return k < 0 ? ch : [...c.to!][k] }).join(''); break
          case 'p': out += ctx.space + '\n'; break
          case '=': out += ctx.lineNo + '\n'; break
          case 'd': ctx.deleted = true; return false
          case 'i': out += c.text + '\n'; break
          case 'a': ctx.append += c.text + '\n'; break
          case 'c': if (!c.a2 || !c.inRange) out += c.text + '\n'; ctx.deleted = true; return false
          case 'q': ctx.quit = c.nth ?? 0; return false
          case 'Q': ctx.quit = c.nth ?? 0; ctx.printQuit = false; return false
        }
      }
      return true
    }
    run(program)
    if (!ctx.deleted && !quiet && ctx.printQuit) out += ctx.space + '\n'
    out += ctx.append
    if (ctx.quit !== undefined) return { text: out, exit: ctx.quit }
  }
  return { text: out }
}
