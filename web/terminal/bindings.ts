// The key map: which readline command a key runs (readline's emacs keymap, emacs_keymap.c, plus
// the xterm sequences Debian's /etc/inputrc binds: Home/End, Ctrl-Left/Right, Delete).

import type { Key } from './keys'

export type Command =
  | 'self-insert' | 'bracketed-paste' | 'accept-line'
  | 'backward-delete-char' | 'delete-char' | 'delete-char-or-eof'
  | 'backward-char' | 'forward-char' | 'beginning-of-line' | 'end-of-line' | 'backward-word' | 'forward-word'
  | 'unix-line-discard' | 'kill-line' | 'unix-word-rubout' | 'kill-word' | 'backward-kill-word'
  | 'yank' | 'yank-pop' | 'yank-last-arg' | 'transpose-chars'
  | 'previous-history' | 'next-history' | 'beginning-of-history' | 'end-of-history'
  | 'reverse-search-history' | 'forward-search-history'
  | 'complete' | 'clear-screen' | 'interrupt' | 'abort' | 'ignore'

const CTRL: Record<string, Command> = {
  a: 'beginning-of-line', b: 'backward-char', c: 'interrupt', d: 'delete-char-or-eof', e: 'end-of-line',
  f: 'forward-char', g: 'abort', h: 'backward-delete-char', j: 'accept-line', k: 'kill-line', l: 'clear-screen',
  m: 'accept-line', n: 'next-history', p: 'previous-history', r: 'reverse-search-history',
  s: 'forward-search-history', t: 'transpose-chars', u: 'unix-line-discard', w: 'unix-word-rubout', y: 'yank',
}

const META: Record<string, Command> = {
  b: 'backward-word', f: 'forward-word', d: 'kill-word', y: 'yank-pop', '.': 'yank-last-arg', _: 'yank-last-arg',
  '<': 'beginning-of-history', '>': 'end-of-history',
}

export function commandFor(key: Key): Command {
  switch (key.type) {
    case 'text':
      return 'self-insert'
    case 'paste':
      return 'bracketed-paste'
    case 'ctrl':
      if (key.meta) return key.char === 'h' ? 'backward-kill-word' : 'ignore'
      return CTRL[key.char] ?? 'ignore'
    case 'meta':
      return META[key.char.toLowerCase()] ?? META[key.char] ?? 'ignore'
    case 'key': {
      const word = key.ctrl || key.meta
      switch (key.name) {
        case 'enter':
          return 'accept-line'
        case 'tab':
          return key.shift || key.meta ? 'ignore' : 'complete'
        case 'backspace':
          return key.meta ? 'backward-kill-word' : 'backward-delete-char'
        case 'delete':
          return word ? 'kill-word' : 'delete-char'
        case 'left':
          return word ? 'backward-word' : 'backward-char'
        case 'right':
          return word ? 'forward-word' : 'forward-char'
        case 'home':
          return 'beginning-of-line'
        case 'end':
          return 'end-of-line'
        case 'up':
          return 'previous-history'
        case 'down':
          return 'next-history'
        default:
          return 'ignore'
      }
    }
  }
}
