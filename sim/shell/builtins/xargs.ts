// xargs (GNU findutils): builds command lines from standard input (`kubectl get pods -o name |
// xargs kubectl delete`). Runs the command as a program, not through a shell, so its arguments are
// passed quoted.

import type { Builtin } from './types'

const shellQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`

export const xargs: Builtin = {
  name: 'xargs',
  path: '/usr/bin/xargs',
  async run(ctx) {
    const argv = ctx.argv
    let perCall = Infinity
    let replace: string | undefined
    let i = 1
    for (; i < argv.length && argv[i].startsWith('-'); i++) {
      const a = argv[i]
      if (a === '-n') perCall = Math.max(1, Number(argv[++i]) || 1)
      else if (a.startsWith('-n')) perCall = Math.max(1, Number(a.slice(2)) || 1)
      else if (a === '-I') replace = argv[++i]
      else if (a.startsWith('-I')) replace = a.slice(2)
      else if (a === '-r' || a === '--no-run-if-empty' || a === '-t' || a === '-0') continue
      else if (a === '--') {
        i++
        break
      }
    }
    const command = argv.slice(i).length ? argv.slice(i) : ['echo']
    const text = ctx.stdin ?? ''
    const items = replace !== undefined ? text.split('\n').filter((l) => l.trim() !== '') : (text.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'))
    const calls: string[][] = []
    if (replace !== undefined) for (const it of items) calls.push(command.map((c) => c.split(replace!).join(it)))
    else if (!items.length) calls.push(command)
    else for (let k = 0; k < items.length; k += perCall === Infinity ? items.length : perCall) calls.push([...command, ...items.slice(k, k + (perCall === Infinity ? items.length : perCall))])
    let status = 0
    for (const call of calls) {
      const name = call[0]
      const known = ctx.shell.env.builtins.has(name) || ctx.shell.env.commands.get(name) || ctx.shell.functions.has(name) || name.includes('/')
      if (!known) {
        ctx.stderr(`xargs: ${name}: No such file or directory\n`)
        return 127
      }
      const code = await ctx.runText(call.map(shellQuote).join(' '), { subshell: true })
      if (code === 255) return 124
      if (code !== 0) status = 123
    }
    return status
  },
}
