import { describe, expect, it } from 'vitest'
import { parseKeys, type Key } from './keys'

// The sequences are what xterm.js sends (src/common/input/Keyboard.ts) for each key.
describe('parseKeys', () => {
  it.each<[string, string, Key[]]>([
    ['printable text', 'kubectl', [{ type: 'text', text: 'kubectl' }]],
    ['Chinese text', '你好', [{ type: 'text', text: '你好' }]],
    ['Enter', '\r', [{ type: 'key', name: 'enter', seq: '\r' }]],
    ['Tab', '\t', [{ type: 'key', name: 'tab', seq: '\t' }]],
    ['Backspace (DEL)', '\x7f', [{ type: 'key', name: 'backspace', seq: '\x7f' }]],
    ['Ctrl-A', '\x01', [{ type: 'ctrl', char: 'a' }]],
    ['Ctrl-W', '\x17', [{ type: 'ctrl', char: 'w' }]],
    ['Ctrl-_', '\x1f', [{ type: 'ctrl', char: '_' }]],
    ['Up', '\x1b[A', [{ type: 'key', name: 'up', seq: '\x1b[A' }]],
    ['Up in application cursor mode', '\x1bOA', [{ type: 'key', name: 'up', seq: '\x1bOA' }]],
    ['Home', '\x1b[H', [{ type: 'key', name: 'home', seq: '\x1b[H' }]],
    ['End (vt220)', '\x1b[4~', [{ type: 'key', name: 'end', seq: '\x1b[4~' }]],
    ['Delete', '\x1b[3~', [{ type: 'key', name: 'delete', seq: '\x1b[3~' }]],
    ['Ctrl-Left', '\x1b[1;5D', [{ type: 'key', name: 'left', seq: '\x1b[1;5D', ctrl: true }]],
    ['Alt-Right', '\x1b[1;3C', [{ type: 'key', name: 'right', seq: '\x1b[1;3C', meta: true }]],
    ['Shift-Tab', '\x1b[Z', [{ type: 'key', name: 'tab', seq: '\x1b[Z', shift: true }]],
    ['Alt-b', '\x1bb', [{ type: 'meta', char: 'b' }]],
    ['Alt-.', '\x1b.', [{ type: 'meta', char: '.' }]],
    ['Alt-Backspace', '\x1b\x7f', [{ type: 'key', name: 'backspace', seq: '\x7f', meta: true }]],
    ['Escape alone', '\x1b', [{ type: 'key', name: 'escape', seq: '\x1b' }]],
    ['F5', '\x1b[15~', [{ type: 'key', name: 'f5', seq: '\x1b[15~' }]],
  ])('reads %s', (_name, data, keys) => {
    expect(parseKeys(data)).toEqual(keys)
  })

  it('splits text around control keys', () => {
    expect(parseKeys('ls\r')).toEqual([{ type: 'text', text: 'ls' }, { type: 'key', name: 'enter', seq: '\r' }])
  })

  it('reads a bracketed paste as one key with newlines', () => {
    expect(parseKeys('\x1b[200~cat <<EOF\rhi\rEOF\r\x1b[201~')).toEqual([{ type: 'paste', text: 'cat <<EOF\nhi\nEOF\n' }])
  })

  it('keeps keys typed after a paste', () => {
    expect(parseKeys('\x1b[200~a\tb\x1b[201~\r')).toEqual([
      { type: 'paste', text: 'a\tb' },
      { type: 'key', name: 'enter', seq: '\r' },
    ])
  })

  it('keeps an emoji (a surrogate pair) whole after Meta', () => {
    expect(parseKeys('\x1b😀')).toEqual([{ type: 'meta', char: '😀' }])
  })
})
