// Tab completion: command names in command position, file names elsewhere, and a command's own
// completer (kubectl's verbs, kinds, names, flags) when it has one. Returns the full candidate
// words for the word under the cursor; the terminal inserts their common prefix or lists them.

import { normalizePath } from '../storage/memfs'
import type { ShellState } from './state'

const SEPARATORS = new Set([';', '|', '&', '(', '`'])
const KEYWORDS = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '!', '{'])

/** Splits the text before the cursor into the words of the current command (roughly, as typed). */
function currentCommand(text: string): { words: string[]; current: string } {
  let words: string[] = []
  let cur = ''
  let quote: string | undefined
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      else cur += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      inWord = true
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
    } else if (SEPARATORS.has(c) || (c === '$' && text[i + 1] === '(')) {
      if (c === '$') i++
      words = []
      cur = ''
      inWord = false
    } else {
      cur += c
      inWord = true
    }
  }
  while (words.length && KEYWORDS.has(words[0])) words.shift()
  return { words, current: cur }
}

function files(st: ShellState, prefix: string, dirsOnly: boolean): string[] {
  const slash = prefix.lastIndexOf('/')
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : ''
  const base = slash >= 0 ? prefix.slice(slash + 1) : prefix
  const dirText = dirPart.startsWith('~/') || dirPart === '~/' ? st.home() + dirPart.slice(1) : dirPart
  const dir = normalizePath(dirText || '.', st.cwd)
  const fs = st.env.fs
  if (!fs.isDir(dir)) return []
  const out: string[] = []
  for (const name of fs.readdir(dir)) {
    if (!name.startsWith(base) || (name.startsWith('.') && !base.startsWith('.'))) continue
    const isDir = fs.isDir(normalizePath(name, dir))
    if (dirsOnly && !isDir) continue
    out.push(dirPart + name + (isDir ? '/' : ''))
  }
  return out
}

export function completeLine(st: ShellState, line: string, cursor: number): string[] {
  const { words, current } = currentCommand(line.slice(0, Math.max(0, Math.min(cursor, line.length))))
  const uniq = (xs: string[]) => [...new Set(xs)].sort()
  if (words.length === 0 && !current.includes('/')) {
    if (current.startsWith('$')) {
      const names = [...st.vars.keys()].filter((n) => n.startsWith(current.slice(1)))
      return uniq(names.map((n) => '$' + n))
    }
    const names = [...st.env.builtins.keys(), ...st.env.commands.names()]
    return uniq(names.filter((n) => n.startsWith(current)))
  }
  if (current.startsWith('$') && !current.includes('/')) {
    return uniq([...st.vars.keys()].filter((n) => n.startsWith(current.slice(1))).map((n) => '$' + n))
  }
  const name = words[0]
  const cmd = name === undefined ? undefined : st.env.commands.get(name)
  if (cmd?.complete) {
    const own = cmd.complete({ words: [...words, current], current, cwd: st.cwd, fs: st.env.fs, sim: st.env.sim })
    if (own) return uniq(own)
  }
  return uniq(files(st, current, name === 'cd'))
}
