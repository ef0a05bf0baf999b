// awk, as Ubuntu's mawk behaves: records and fields (FS, -F, NF, $NF, assigning fields rebuilds $0
// with OFS), patterns, BEGIN/END, arrays with `for (k in a)`, printf, and the common built-in
// functions. Numbers print as integers when integral, otherwise with %.6g (OFMT).

import { normalizePath } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { parseAwk, AwkSyntaxError, type Expr, type Item } from './awk-parse'
import { Awk, Exit, Next, RunError, toNum, toStr } from './awk-runtime'

function unescapeValue(v: string): string {
  return v.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\' })[c] ?? '\\' + c)
}

export const awk: Command = {
  name: 'awk',
  run(ctx) {
    const argv = ctx.argv.slice(1)
    const assigns: [string, string][] = []
    let fs: string | undefined
    let program: string | undefined
    let i = 0
    for (; i < argv.length; i++) {
      const a = argv[i]
      if (a === '--') {
        i++
        break
      }
      if (a === '-F' || a === '-v' || a === '-f') {
        const v = argv[++i]
        if (v === undefined) {
          ctx.stderr(`awk: option requires an argument -- ${a[1]}\n`)
          return 2
        }
        if (a === '-F') fs = v
        else if (a === '-v') assigns.push([v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)])
        else program = (program ?? '') + (ctx.fs.stat(normalizePath(v, ctx.cwd))?.type === 'file' ? ctx.fs.readFile(normalizePath(v, ctx.cwd)) : '')
      } else if (a.startsWith('-F')) fs = a.slice(2)
      else if (a.startsWith('-v')) assigns.push([a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])
      else if (a.startsWith('-') && a.length > 1) continue
      else break
    }
    if (program === undefined) program = argv[i++]
    if (program === undefined) {
      ctx.stderr('Usage: mawk [Options] [Program] [file ...]\n')
      return 2
    }
    let items: Item[]
    try {
      items = parseAwk(program)
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e
      const lines = program.split('\n').length
      if (e.message === 'syntax error at or near end of file') {
        // mawk sees the end of the program as an end of line first, then reports the open brace.
        ctx.stderr(`awk: line ${lines}: syntax error at or near end of line\n`)
        if (unclosedBrace(program)) ctx.stderr(`awk: line ${lines + 1}: missing } near end of file\n`)
      } else ctx.stderr(`awk: line ${e.message.startsWith('missing }') ? lines + 1 : lines}: ${e.message}\n`)
      return 2
    }
    const rt = new Awk(ctx)
    if (fs !== undefined) rt.vars.set('FS', fs === 't' ? '\t' : unescapeValue(fs))
    for (const [k, v] of assigns) rt.vars.set(k, unescapeValue(v))
    return runProgram(ctx, rt, items, argv.slice(i))
  },
}

function unclosedBrace(program: string): boolean {
  const text = program.replace(/"(\\.|[^"\\])*"/g, '')
  return (text.match(/{/g) ?? []).length > (text.match(/}/g) ?? []).length
}

function runProgram(ctx: CommandContext, rt: Awk, items: Item[], operands: string[]): number {
  const run = (phase: 'BEGIN' | 'END' | 'main') => {
    for (const it of items) {
      const isPhase = it.pattern === 'BEGIN' || it.pattern === 'END' ? it.pattern === phase : phase === 'main'
      if (!isPhase) continue
      if (phase === 'main' && it.pattern !== undefined && !rt.truthy(rt.eval(it.pattern as Expr))) continue
      if (it.action) for (const s of it.action) rt.exec(s)
      else rt.out += rt.fields[0] + toStr(rt.vars.get('ORS')!)
    }
  }
  let code = 0
  try {
    try {
      run('BEGIN')
      if (items.some((it) => it.pattern !== 'BEGIN')) {
        const inputs = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o))
        for (const name of inputs.length ? inputs : ['-']) {
          for (const o of operands) if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(o) && operands.indexOf(o) < operands.indexOf(name)) rt.vars.set(o.slice(0, o.indexOf('=')), unescapeValue(o.slice(o.indexOf('=') + 1)))
          const path = normalizePath(name, ctx.cwd)
          const text = name === '-' ? (ctx.stdin ?? '') : ctx.fs.stat(path)?.type === 'file' ? ctx.fs.readFile(path) : undefined
          if (text === undefined) {
            rt.flush()
            ctx.stderr(`awk: cannot open ${name} (No such file or directory)\n`)
            return 2
          }
          rt.vars.set('FILENAME', name === '-' ? '' : name)
          rt.vars.set('FNR', 0)
          const records = text.split('\n')
          if (records[records.length - 1] === '') records.pop()
          for (const rec of records) {
            rt.vars.set('NR', toNum(rt.vars.get('NR')!) + 1)
            rt.vars.set('FNR', toNum(rt.vars.get('FNR')!) + 1)
            rt.setRecord(rec)
            try {
              run('main')
            } catch (e) {
              if (!(e instanceof Next)) throw e
            }
          }
        }
      }
    } catch (e) {
      if (!(e instanceof Exit)) throw e
      code = e.code
    }
    try {
      run('END')
    } catch (e) {
      if (!(e instanceof Exit)) throw e
      code = e.code
    }
  } catch (e) {
    if (!(e instanceof RunError)) throw e
    rt.flush()
    ctx.stderr(`awk: run time error: ${e.message}\n`)
    return 2
  }
  rt.flush()
  return code
}
