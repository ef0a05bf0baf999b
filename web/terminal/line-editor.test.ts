import { describe, expect, it } from 'vitest'
import { parseKeys } from './keys'
import { initialEditor, step, view, type Effect, type EditorEnv, type EditorState } from './line-editor'

const HISTORY = ['kubectl get nodes', 'kubectl get pods -w', 'cat <<EOF > web.yaml\nkind: Service\nEOF', 'kubectl apply -f web.yaml']

function env(over: Partial<EditorEnv> = {}): EditorEnv {
  return { history: HISTORY, complete: () => [], columns: 80, ...over }
}

/** Feeds terminal input to the editor; returns the line (`|` at the cursor) and the effects. */
function type(data: string | string[], e: EditorEnv = env(), from: EditorState = initialEditor()) {
  let state = from
  const effects: Effect[] = []
  for (const chunk of Array.isArray(data) ? data : [data]) {
    for (const key of parseKeys(chunk)) {
      const r = step(state, key, e)
      state = r.state
      effects.push(...r.effects)
    }
  }
  const v = view(state, '$ ')
  return { state, effects, line: v.text.slice(0, v.cursor) + '|' + v.text.slice(v.cursor), prompt: v.prompt }
}

const bells = (effects: Effect[]) => effects.filter((e) => e.kind === 'bell').length

describe('editing keys', () => {
  it.each([
    ['typing inserts at the cursor', 'kubectl get', 'kubectl get|'],
    ['Left and typing inserts in the middle', 'kubectl gt\x1b[De', 'kubectl ge|t'],
    ['Ctrl-A goes to the start', 'get pods\x01kubectl ', 'kubectl |get pods'],
    ['Home goes to the start', 'pods\x1b[Hget ', 'get |pods'],
    ['Ctrl-E goes to the end', 'get\x01\x05 pods', 'get pods|'],
    ['End goes to the end', 'get\x1b[H\x1b[F!', 'get!|'],
    ['Ctrl-B / Ctrl-F move by character', 'abc\x02\x02\x06', 'ab|c'],
    ['Backspace deletes before the cursor', 'kubectl gett\x7f', 'kubectl get|'],
    ['Ctrl-H deletes before the cursor', 'ab\x08', 'a|'],
    ['Delete deletes under the cursor', 'abc\x01\x1b[3~', '|bc'],
    ['Ctrl-D deletes under the cursor on a non-empty line', 'abc\x01\x04', '|bc'],
    ['Ctrl-U kills to the start', 'kubectl get pods\x1b[D\x1b[D\x15', '|ds'],
    ['Ctrl-K kills to the end', 'kubectl get pods\x01\x1b[C\x1b[C\x0b', 'ku|'],
    ['Ctrl-W kills the previous word', 'kubectl get pods\x17', 'kubectl get |'],
    ['Ctrl-W twice kills two words', 'kubectl get pods\x17\x17', 'kubectl |'],
    ['Alt-Backspace kills back to a word start', 'kubectl get pods/web-0\x1b\x7f', 'kubectl get pods/web-|'],
    ['Alt-D kills the next word', 'kubectl get pods\x01\x1bd', '| get pods'],
    ['Ctrl-Left / Ctrl-Right move by word', 'kubectl get pods\x1b[1;5D\x1b[1;5D\x1b[1;5C', 'kubectl get| pods'],
    ['Alt-B / Alt-F move by word', 'kubectl get pods\x1bb\x1bb\x1bf', 'kubectl get| pods'],
    ['Ctrl-T fixes a typo', 'kubectl gte\x14', 'kubectl get|'],
    ['Ctrl-Y yanks what Ctrl-K killed', 'get pods\x01\x0bkubectl \x19', 'kubectl get pods|'],
    ['Ctrl-Y yanks two Ctrl-W kills as one', 'a b c\x17\x17\x19', 'a b c|'],
    ['Alt-Y cycles the kill ring after a yank', 'one two\x17\x02\x06\x17\x19\x1by', 'two|'],
    ['Alt-. inserts the last argument of the previous line', 'cat \x1b.', 'cat web.yaml|'],
    ['Alt-. again takes an older line', 'cat \x1b.\x1b.', 'cat EOF|'],
    ['Chinese text moves by character', '你好世界\x1b[D\x1b[D\x7f', '你|世界'],
  ])('%s', (_name, keys, line) => {
    expect(type(keys).line).toBe(line)
  })

  it.each([
    ['Left at the start', '\x1b[D'],
    ['Right at the end', 'a\x1b[C'],
    ['Backspace on an empty line', '\x7f'],
    ['Delete at the end', 'a\x1b[3~'],
    ['Ctrl-Y with nothing killed', '\x19'],
    ['Ctrl-T at the start', '\x01\x14'],
  ])('%s rings the bell', (_name, keys) => {
    expect(bells(type(keys).effects)).toBe(1)
  })

  it('Enter accepts the whole line wherever the cursor is', () => {
    const r = type('kubectl get nodes\x01\r')
    expect(r.effects).toEqual([{ kind: 'accept', line: 'kubectl get nodes' }])
    expect(r.line).toBe('|')
  })

  it('Ctrl-C abandons the line', () => {
    const r = type('kubectl get po\x03')
    expect(r.effects).toEqual([{ kind: 'interrupt' }])
    expect(r.line).toBe('|')
  })

  it('Ctrl-D on an empty line is end of input', () => {
    expect(type('\x04').effects).toEqual([{ kind: 'eof' }])
  })

  it('Ctrl-L asks for a clear screen and keeps the line', () => {
    const r = type('kubectl\x0c')
    expect(r.effects).toEqual([{ kind: 'clear-screen' }])
    expect(r.line).toBe('kubectl|')
  })

  it('a bracketed paste inserts its lines without running them', () => {
    const r = type('\x1b[200~cat <<EOF > web.yaml\rkind: Service\rEOF\r\x1b[201~')
    expect(r.effects).toEqual([])
    expect(r.line).toBe('cat <<EOF > web.yaml\nkind: Service\nEOF\n|')
  })

  it('a pasted tab is text, not completion', () => {
    let asked = 0
    const r = type('\x1b[200~a\tb\x1b[201~', env({ complete: () => (asked++, ['x']) }))
    expect([r.line, asked]).toEqual(['a\tb|', 0])
  })
})

describe('history', () => {
  it.each([
    ['Up recalls the last line', '\x1b[A', 'kubectl apply -f web.yaml|'],
    ['Up twice recalls the line before', '\x1b[A\x1b[A', 'cat <<EOF > web.yaml\nkind: Service\nEOF|'],
    ['Ctrl-P / Ctrl-N walk the history', '\x10\x10\x0e', 'kubectl apply -f web.yaml|'],
    ['Down past the newest returns to the line being typed', 'kub\x1b[A\x1b[B', 'kub|'],
    ['an edit to a recalled line is kept while browsing', '\x1b[A\x17\x1b[A\x1b[B', 'kubectl apply -f |'],
    ['Alt-< goes to the oldest line', '\x1b<', 'kubectl get nodes|'],
    ['Alt-> comes back to the new line', 'x\x1b<\x1b>', 'x|'],
  ])('%s', (_name, keys, line) => {
    expect(type(keys).line).toBe(line)
  })

  it('Up past the oldest line rings the bell', () => {
    const r = type('\x1b[A\x1b[A\x1b[A\x1b[A\x1b[A')
    expect([r.line, bells(r.effects)]).toEqual(['kubectl get nodes|', 1])
  })

  it('Up with no history rings the bell', () => {
    expect(bells(type('\x1b[A', env({ history: [] })).effects)).toBe(1)
  })

  it('Down on the new line does nothing', () => {
    const r = type('x\x1b[B')
    expect([r.line, r.effects]).toEqual(['x|', []])
  })
})

describe('reverse search (Ctrl-R)', () => {
  it('shows the newest line containing what is typed, the cursor at the match', () => {
    const r = type('\x12get')
    expect(r.prompt).toBe("(reverse-i-search)`get': ")
    expect(r.line).toBe('kubectl |get pods -w')
  })

  it('Ctrl-R again finds an older match', () => {
    expect(type('\x12get\x12').line).toBe('kubectl |get nodes')
  })

  it('an impossible search says failed and rings the bell on Ctrl-R', () => {
    const r = type('\x12xyz\x12')
    expect(r.prompt).toBe("(failed reverse-i-search)`xyz': ")
    expect(bells(r.effects)).toBe(1)
  })

  it('Enter runs the line found', () => {
    expect(type('\x12nodes\r').effects).toEqual([{ kind: 'accept', line: 'kubectl get nodes' }])
  })

  it('a movement key leaves the search with the line to edit', () => {
    const r = type('\x12nodes\x05 -o wide')
    expect([r.prompt, r.line]).toEqual(['$ ', 'kubectl get nodes -o wide|'])
  })

  it('Ctrl-G gives back the line typed before the search', () => {
    const r = type('kub\x12nodes\x07')
    expect([r.prompt, r.line, bells(r.effects)]).toEqual(['$ ', 'kub|', 1])
  })

  it('Backspace shortens the search string', () => {
    expect(type('\x12applyx\x7f').prompt).toBe("(reverse-i-search)`apply': ")
  })

  it('Up after a search continues from the line found', () => {
    expect(type('\x12nodes\x1b\x1b[B').line).toBe('kubectl get pods -w|')
  })

  it('Ctrl-R with an empty search string repeats the last search', () => {
    expect(type('\x12apply\x1b\x01\x0b\x12\x12').line).toBe('kubectl |apply -f web.yaml')
  })
})

describe('completion (Tab)', () => {
  const kubectl = (line: string, cursor: number): string[] => {
    const word = line.slice(0, cursor).split(' ').pop() ?? ''
    const all = line.startsWith('kubectl get ') ? ['poddisruptionbudgets.policy', 'pods', 'persistentvolumeclaims'] : ['get', 'describe', 'delete']
    return all.filter((c) => c.startsWith(word))
  }

  it('completes a single match and adds a space', () => {
    const r = type('kubectl g\t', env({ complete: kubectl }))
    expect([r.line, r.effects]).toEqual(['kubectl get |', []])
  })

  it('inserts the common prefix of several matches and rings the bell', () => {
    const r = type('kubectl get po\t', env({ complete: kubectl }))
    expect([r.line, bells(r.effects)]).toEqual(['kubectl get pod|', 1])
  })

  it('lists the matches when Tab has nothing more to add', () => {
    const r = type('kubectl get po\t\t\t', env({ complete: kubectl }))
    expect(r.effects.at(-1)).toEqual({ kind: 'print', lines: ['poddisruptionbudgets.policy  pods'] })
    expect(r.line).toBe('kubectl get pod|')
  })

  it('completes after more is typed', () => {
    expect(type('kubectl get po\ts\t', env({ complete: kubectl })).line).toBe('kubectl get pods |')
  })

  it('rings the bell when nothing matches', () => {
    expect(bells(type('kubectl x\t', env({ complete: kubectl })).effects)).toBe(1)
  })

  it('escapes a space in a file name', () => {
    expect(type('cat my\t', env({ complete: () => ['my file.yaml'] })).line).toBe('cat my\\ file.yaml |')
  })

  it('adds no space after a directory', () => {
    expect(type('cd ma\t', env({ complete: () => ['manifests/'] })).line).toBe('cd manifests/|')
  })

  it('completes inside an open quote and closes it', () => {
    expect(type("cat 'my\t", env({ complete: () => ['my file.yaml'] })).line).toBe("cat 'my file.yaml' |")
  })

  it('asks before listing a hundred matches', () => {
    const many = Array.from({ length: 120 }, (_, i) => `pod-${String(i).padStart(3, '0')}`)
    const r = type('x pod-\t\t', env({ complete: () => many }))
    expect(r.effects).toContainEqual({ kind: 'newline' })
    expect(r.prompt).toBe('Display all 120 possibilities? (y or n)')
    const answered = type('y', env({ complete: () => many }), r.state)
    expect(answered.effects[0].kind).toBe('print')
    expect(answered.prompt).toBe('$ ')
  })
})
