// echo: bash's builtin. Options are recognized only when every letter is one of n, e, E.

import { unescape } from './escapes'
import type { Builtin } from './types'

export const echo: Builtin = {
  name: 'echo',
  run(ctx) {
    let newline = true
    let escapes = false
    let i = 1
    for (; i < ctx.argv.length; i++) {
      const a = ctx.argv[i]
      if (!/^-[neE]+$/.test(a)) break
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false
        else escapes = f === 'e'
      }
    }
    let text = ctx.argv.slice(i).join(' ')
    if (escapes) {
      const u = unescape(text, true)
      text = u.text
      if (u.stop) newline = false
    }
    ctx.stdout(newline ? text + '\n' : text)
    return 0
  },
}
