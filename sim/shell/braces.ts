// Brace expansion (`web-{0,1,2}`, `{1..3}`, `{a..e..2}`, `{01..10}`), the first expansion bash does.
// It applies to unquoted text only; a brace with neither a comma nor a range stays as it is.

import type { Word, WordPart } from './ast'

/** Above this many words bash would still go on; we stop to keep the page alive. */
const LIMIT = 100_000

function matching(s: string, i: number): number {
  let depth = 0
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++
    else if (s[j] === '{') depth++
    else if (s[j] === '}' && --depth === 0) return j
  }
  return -1
}

function topLevelSplit(body: string): string[] | undefined {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let j = 0; j < body.length; j++) {
    const c = body[j]
    if (c === '\\') j++
    else if (c === '{') depth++
    else if (c === '}') depth--
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, j))
      start = j + 1
    }
  }
  if (!out.length) return undefined
  out.push(body.slice(start))
  return out
}

function range(body: string): string[] | undefined {
  const num = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body)
  const chr = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?[0-9]+))?$/.exec(body)
  const m = num ?? chr
  if (!m) return undefined
  const from = num ? Number(m[1]) : m[1].charCodeAt(0)
  const to = num ? Number(m[2]) : m[2].charCodeAt(0)
  const step = Math.abs(Number(m[3] ?? 1)) || 1
  const width = num && (/^-?0[0-9]/.test(m[1]) || /^-?0[0-9]/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0
  const out: string[] = []
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    if (out.length >= LIMIT) break
    if (!num) out.push(String.fromCharCode(v))
    else out.push(v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0'))
  }
  return out
}

/** Expands the braces in one piece of unquoted text. */
export function braceStrings(s: string): string[] {
  for (let i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
    if (i > 0 && s[i - 1] === '$') continue
    const j = matching(s, i)
    if (j < 0) return [s]
    const body = s.slice(i + 1, j)
    const alts = range(body) ?? topLevelSplit(body)
    if (!alts) continue
    const pre = s.slice(0, i)
    const posts = braceStrings(s.slice(j + 1))
    const out: string[] = []
    for (const a of alts) {
      for (const a2 of braceStrings(a)) {
        for (const p of posts) {
          out.push(pre + a2 + p)
          if (out.length >= LIMIT) return out
        }
      }
    }
    return out
  }
  return [s]
}

/** The words a word becomes after brace expansion (usually just itself). */
export function expandBraces(word: Word): Word[] {
  const options: WordPart[][] = word.parts.map((p) => {
    if (p.kind !== 'lit' || p.quoted || !p.text.includes('{')) return [p]
    return braceStrings(p.text).map((text) => ({ ...p, text }))
  })
  if (options.every((o) => o.length === 1)) return [word]
  let words: WordPart[][] = [[]]
  for (const o of options) {
    words = words.flatMap((w) => o.map((p) => [...w, p]))
    if (words.length > LIMIT) words = words.slice(0, LIMIT)
  }
  return words.map((parts) => ({ parts, raw: word.raw }))
}
