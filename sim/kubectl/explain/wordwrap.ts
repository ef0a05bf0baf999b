// mitchellh/go-wordwrap v1.0.1 WrapString, which `kubectl explain` wraps descriptions with (through
// kubectl's term.NewWordWrapWriter). Greedy: a word that would pass the limit starts a new line (the
// break is decided while the word is being read, so the spaces before it are dropped); a word as
// long as the limit or longer is never broken; newlines in the text are kept. Widths count runes.

function isSpace(c: string): boolean {
  // unicode.IsSpace without U+00A0, which WrapString treats as part of a word.
  return /^[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c)
}

export function wrapString(s: string, lim: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        // Trailing spaces are kept only if they fit on the line.
        if (current + spaceLen <= lim) out += space
      } else {
        out += space + word
      }
      space = ''
      spaceLen = 0
      word = ''
      wordLen = 0
      out += c
      current = 0
    } else if (isSpace(c)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        out += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += c
      spaceLen++
    } else {
      word += c
      wordLen++
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        out += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space
  } else {
    out += space + word
  }
  return out
}
