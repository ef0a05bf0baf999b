// cat (GNU coreutils): concatenates files and stdin; -n/-b number lines, -A/-E/-e show line ends.

import type { Command } from '../types'
import { fsErrorText } from '../dialect'
import { getopt } from './getopt'
import { quoteName, readSources, withArgv } from './files'

/** Plain `cat` (or `cat -`) of a pipe whose writer still runs passes the text on as it comes. */
const passesThrough = (argv: readonly string[]) => argv.slice(1).every((a) => a === '-') && argv.length <= 2

export const cat: Command = {
  name: 'cat',
  followsStdin: passesThrough,
  async run(ctx) {
    if (ctx.stdinPipe && passesThrough(ctx.argv)) {
      await ctx.stdinPipe.follow((chunk) => ctx.stdout(chunk))
      return 0
    }
    const p = getopt(ctx, 'cat', { flags: 'nbAEesTtuv', long: { number: { key: 'n' }, 'number-nonblank': { key: 'b' }, 'show-all': { key: 'A' }, 'show-ends': { key: 'E' }, 'squeeze-blank': { key: 's' } } })
    if (typeof p === 'number') return p
    const ends = p.flags.has('A') || p.flags.has('E') || p.flags.has('e')
    const tabs = p.flags.has('A') || p.flags.has('T') || p.flags.has('t')
    const numberAll = p.flags.has('n') && !p.flags.has('b')
    const numberNonBlank = p.flags.has('b')
    let status = 0
    let n = 0
    let out = ''
    for (const src of readSources(ctx, p.args)) {
      if ('error' in src) {
        if (out) ctx.stdout(out)
        out = ''
        ctx.stderr(`cat: ${quoteName(src.name, false)}: ${fsErrorText(src.error)}\n`)
        status = 1
        continue
      }
      if (!ends && !tabs && !numberAll && !numberNonBlank && !p.flags.has('s')) {
        out += src.text
        continue
      }
      const parts = src.text.split('\n')
      let prevBlank = false
      parts.forEach((line, i) => {
        const last = i === parts.length - 1
        if (last && line === '') return
        if (p.flags.has('s') && line === '' && prevBlank) return
        prevBlank = line === ''
        let text = tabs ? line.replace(/\t/g, '^I') : line
        if (numberAll || (numberNonBlank && line !== '')) text = `${String(++n).padStart(6)}\t${text}`
        out += text + (last ? '' : ends ? '$\n' : '\n')
      })
    }
    if (out) ctx.stdout(out)
    return status
  },
}

/**
 * less and more: without a terminal they copy their input like cat (as the real pagers do); on the
 * terminal the whole text is shown at once, since the emulated terminal scrolls by itself.
 */
export const less: Command = { name: 'less', run: (ctx) => cat.run(withArgv(ctx, ['cat', ...ctx.argv.slice(1).filter((a) => !a.startsWith('-'))])) }
export const more: Command = { name: 'more', run: (ctx) => cat.run(withArgv(ctx, ['cat', ...ctx.argv.slice(1).filter((a) => !a.startsWith('-'))])) }
