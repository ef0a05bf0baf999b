import { describe, expect, it } from 'vitest'
import * as B from './line-buffer'

/** A buffer written with `|` at the cursor: `kube|ctl`. */
function buf(s: string): B.Buffer {
  const i = s.indexOf('|')
  return { text: s.slice(0, i) + s.slice(i + 1), cursor: i }
}
function show(b: B.Buffer | undefined): string | undefined {
  return b && b.text.slice(0, b.cursor) + '|' + b.text.slice(b.cursor)
}

describe('line buffer moves', () => {
  it.each<[string, (b: B.Buffer) => B.Buffer | undefined, string, string | undefined]>([
    ['left', B.left, 'ab|c', 'a|bc'],
    ['left at the start is impossible', B.left, '|abc', undefined],
    ['right over a wide character', B.right, '|中文', '中|文'],
    ['left over an emoji (two UTF-16 units)', B.left, 'a😀|', 'a|😀'],
    ['right at the end is impossible', B.right, 'abc|', undefined],
    ['home', B.home, 'ab|c', '|abc'],
    ['end', B.end, 'a|bc', 'abc|'],
    ['word left to the start of the word', B.wordLeft, 'kubectl get pods|', 'kubectl get |pods'],
    ['word left over punctuation', B.wordLeft, 'kubectl get pods/web-0 |', 'kubectl get pods/web-|0 '],
    ['word right to the end of the next word', B.wordRight, 'kubectl| get pods', 'kubectl get| pods'],
    ['backspace', B.backspace, 'ab|c', 'a|c'],
    ['backspace deletes a whole emoji', B.backspace, 'x😀|', 'x|'],
    ['backspace at the start is impossible', B.backspace, '|abc', undefined],
    ['delete', B.deleteForward, 'a|bc', 'a|c'],
    ['delete at the end is impossible', B.deleteForward, 'abc|', undefined],
    ['transpose in the middle swaps and moves on', B.transpose, 'a|bc', 'ba|c'],
    ['transpose at the end swaps the last two', B.transpose, 'kubectl gte|', 'kubectl get|'],
    ['transpose at the start is impossible', B.transpose, '|ab', undefined],
  ])('%s', (_name, f, input, expected) => {
    expect(show(f(buf(input)))).toBe(expected)
  })
})

describe('word boundaries for kills', () => {
  it('Ctrl-W goes back to whitespace, over punctuation', () => {
    expect(B.spaceWordStart('kubectl get pods/web-0', 22)).toBe(12)
  })

  it('Ctrl-W skips spaces before the word first', () => {
    expect(B.spaceWordStart('kubectl get   ', 14)).toBe(8)
  })
})

describe('lastArg (M-.)', () => {
  it.each([
    ['kubectl apply -f web.yaml', 'web.yaml'],
    ['echo "a b"', '"a b"'],
    ['ls  ', 'ls'],
    ['', ''],
  ])('takes the last word of %j', (line, arg) => {
    expect(B.lastArg(line)).toBe(arg)
  })
})
