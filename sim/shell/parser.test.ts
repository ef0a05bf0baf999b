// The parser reads one complete command line at a time and tells a finished line from one that
// needs more input. Tokens in syntax errors are the ones bash 5.2 names (checked interactively).

import { describe, expect, it } from 'vitest'
import { Parser } from './parser'
import type { Command, Word } from './ast'

function firstCommand(src: string): Command {
  const r = Parser.line(src)
  if (r.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(r)}`)
  return r.list.items[0].andOr.first.commands[0]
}

const words = (c: Command) => (c.type === 'simple' ? c.words.map((w: Word) => w.raw) : [])

describe('Parser.line', () => {
  it.each([
    ['echo a b', ['echo', 'a', 'b']],
    ["echo 'a b' \"c d\" e\\ f", ['echo', "'a b'", '"c d"', 'e\\ f']],
    ['echo $(echo a b) `x y`', ['echo', '$(echo a b)', '`x y`']],
    ['echo ${a:-x y}', ['echo', '${a:-x y}']],
    ['echo a#b #comment', ['echo', 'a#b']],
  ])('splits %j into words', (src, expected) => {
    expect(words(firstCommand(src))).toEqual(expected)
  })

  it.each([
    ['done', 'done'],
    ['; ls', ';'],
    ['| ls', '|'],
    ['echo a >', 'newline'],
    ['echo a ;;', ';;'],
    ['if true; then fi', 'fi'],
    [')', ')'],
    ['echo (', 'newline'],
    ['echo a (', '('],
    ['g() echo x', 'echo'],
    ['cat <<', 'newline'],
    ['&& ls', '&&'],
  ])('reports %j as a syntax error near %j', (src, token) => {
    expect(Parser.line(src)).toMatchObject({ kind: 'syntax', token })
  })

  it.each([
    ['echo "abc', '"'],
    ["echo 'abc", "'"],
    ['echo `ls', '`'],
    ['echo $(ls', ')'],
    ['echo ${a', '}'],
    ['echo $((1+', ')'],
  ])('needs more after %j (looking for %j)', (src, closer) => {
    expect(Parser.line(src)).toMatchObject({ kind: 'incomplete', closer })
  })

  it.each(['echo a |', 'echo a &&', 'echo a ||', 'for i in 1 2; do', 'if true; then echo', 'while true', '{ echo a', '( echo a', 'f() {'])(
    'needs more after the unfinished construct %j',
    (src) => {
      expect(Parser.line(src)).toMatchObject({ kind: 'incomplete', closer: undefined })
    },
  )

  it('marks a trailing backslash as a continuation', () => {
    expect(Parser.line('echo a \\')).toMatchObject({ kind: 'incomplete', backslash: true })
  })

  it('reads a heredoc body after the line that opens it', () => {
    const c = firstCommand('cat <<EOF > web.yaml\nkind: Pod\n  name: $x\nEOF\necho next')
    expect(c.type === 'simple' && c.redirs.map((r) => [r.op, r.heredoc?.body])).toEqual([
      ['<<', 'kind: Pod\n  name: $x\n'],
      ['>', undefined],
    ])
  })

  it('records a heredoc that runs into the end of the input', () => {
    expect(Parser.line('cat <<EOF\nline one')).toMatchObject({ kind: 'ok', heredocEof: [{ line: 0, delimiter: 'EOF' }] })
  })

  it('strips leading tabs with <<-', () => {
    const c = firstCommand('cat <<-END\n\tindented\n\tEND')
    expect(c.type === 'simple' && c.redirs[0].heredoc).toEqual({ body: 'indented\n', quoted: false, delimiter: 'END' })
  })

  it('treats a quoted delimiter as a literal heredoc', () => {
    const c = firstCommand("cat <<'EOF'\n$HOME\nEOF")
    expect(c.type === 'simple' && c.redirs[0].heredoc).toEqual({ body: '$HOME\n', quoted: true, delimiter: 'EOF' })
  })

  it('stops at the first unquoted newline', () => {
    const src = 'echo one; echo two\necho three'
    const r = Parser.line(src)
    expect(r.kind === 'ok' && [r.list.items.length, src.slice(r.end)]).toEqual([2, 'echo three'])
  })

  it('parses IO numbers and duplications', () => {
    const c = firstCommand('cmd 2>&1 >out 2>>err <in')
    expect(c.type === 'simple' && c.redirs.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [2, '>&', '1'],
      [undefined, '>', 'out'],
      [2, '>>', 'err'],
      [undefined, '<', 'in'],
    ])
  })

  it('parses assignments before the command name only', () => {
    const c = firstCommand('A=1 B+=2 env C=3')
    expect(c.type === 'simple' && [c.assigns.map((a) => [a.name, a.value.raw, a.append]), words(c)]).toEqual([
      [
        ['A', '1', false],
        ['B', '2', true],
      ],
      ['env', 'C=3'],
    ])
  })

  it('parses compound commands', () => {
    expect(firstCommand('for i in 0 1 2; do echo $i; done')).toMatchObject({ type: 'for', name: 'i', items: [{ raw: '0' }, { raw: '1' }, { raw: '2' }] })
    expect(firstCommand('while true; do :; done')).toMatchObject({ type: 'while', until: false })
    expect(firstCommand('if a; then b; elif c; then d; else e; fi')).toMatchObject({ type: 'if', clauses: [{}, {}] })
    expect(firstCommand('f() { echo; }')).toMatchObject({ type: 'function', name: 'f', body: { type: 'group' } })
  })

  it('survives very deep nesting without overflowing the stack', () => {
    const src = '$('.repeat(5000) + 'x' + ')'.repeat(5000)
    expect(['syntax', 'ok', 'incomplete']).toContain(Parser.line('echo ' + src).kind)
  })
})
