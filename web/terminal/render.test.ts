import { describe, expect, it } from 'vitest'
import type { View } from './line-editor'
import { LineRenderer } from './render'
import { VirtualScreen } from './testing/virtual-screen'

const P = 'root@k8s-master:~# '

/** Draws each view in turn (as the editor would after each key); returns the screen. */
function draw(columns: number, views: View[], screen = new VirtualScreen(columns), r = new LineRenderer(columns)) {
  if (!r.active) r.begin(screen.cursor().x)
  for (const v of views) screen.write(r.render(v))
  return { screen, r }
}
const at = (text: string, cursor = text.length, prompt = P): View => ({ prompt, text, cursor })

describe('drawing the line', () => {
  it('shows the prompt and the text with the cursor after it', () => {
    const { screen } = draw(80, [at('kubectl get nodes')])
    expect(screen.lines()).toEqual([P + 'kubectl get nodes'])
    expect(screen.cursor()).toEqual({ x: P.length + 17, y: 0 })
  })

  it('moves the cursor without redrawing when only the cursor moves', () => {
    const { screen, r } = draw(80, [at('kubectl')])
    const out = r.render(at('kubectl', 3))
    screen.write(out)
    expect(out).not.toContain('kubectl')
    expect(screen.cursor()).toEqual({ x: P.length + 3, y: 0 })
  })

  it('redraws from the first change only', () => {
    const { r } = draw(80, [at('kubectl get pods')])
    expect(r.render(at('kubectl get pods -w'))).toContain(' -w')
    expect(r.render(at('kubectl get pods -w'))).toBe('')
  })

  it('shows a shorter line without leftovers', () => {
    const { screen } = draw(80, [at('kubectl get pods'), at('kubectl')])
    expect(screen.lines()).toEqual([P + 'kubectl'])
  })

  it('wraps a long line at the margin and keeps the cursor on the right row', () => {
    const { screen } = draw(20, [at('kubectl get pods', 3, '$ '), at('kubectl get pods -o wide', 10, '$ ')])
    expect(screen.lines()).toEqual(['$ kubectl get pods -', 'o wide'])
    expect(screen.cursor()).toEqual({ x: 12, y: 0 })
  })

  it('moves the cursor to the next row when the text ends exactly at the margin', () => {
    const { screen } = draw(10, [at('12345678', 8, '$ ')])
    expect(screen.lines()).toEqual(['$ 12345678', ''])
    expect(screen.cursor()).toEqual({ x: 0, y: 1 })
  })

  it('removes the wrapped row when the text gets shorter again', () => {
    const { screen } = draw(10, [at('123456789abc', 12, '$ '), at('1234', 4, '$ ')])
    expect(screen.lines()).toEqual(['$ 1234'])
  })

  it('counts a Chinese character as two columns', () => {
    const { screen } = draw(80, [at('echo 你好', 6, '$ ')])
    expect(screen.cursor()).toEqual({ x: 2 + 5 + 2, y: 0 })
  })

  it('wraps a wide character that does not fit whole onto the next row', () => {
    const { screen } = draw(6, [at('abc中', 4, '$ ')])
    expect(screen.lines()).toEqual(['$ abc', '中'])
    expect(screen.cursor()).toEqual({ x: 2, y: 1 })
  })

  it('shows the lines of a pasted heredoc on rows of their own', () => {
    const { screen } = draw(80, [at('cat <<EOF\nkind: Service\nEOF', 9, '$ ')])
    expect(screen.lines()).toEqual(['$ cat <<EOF', 'kind: Service', 'EOF'])
    expect(screen.cursor()).toEqual({ x: 11, y: 0 })
  })

  it('starts after output that did not end with a newline', () => {
    const screen = new VirtualScreen(80)
    screen.write('hello')
    draw(80, [at('ls')], screen)
    expect(screen.lines()).toEqual(['hello' + P + 'ls'])
  })

  it('shows a pasted tab as spaces to the next tab stop', () => {
    const { screen } = draw(80, [at('a\tb', 3, '$ ')])
    expect(screen.lines()).toEqual(['$ a     b'])
  })

  it('changes the prompt (Ctrl-R) in place', () => {
    const { screen } = draw(80, [at('kub'), at('kubectl get nodes', 8, "(reverse-i-search)`get': ")])
    expect(screen.lines()).toEqual(["(reverse-i-search)`get': kubectl get nodes"])
  })
})

describe('leaving the line', () => {
  it('finish moves below the line so that output starts on a fresh row', () => {
    const { screen, r } = draw(80, [at('kubectl get nodes', 0)])
    screen.write(r.finish())
    screen.write('NAME\r\n')
    expect(screen.lines()).toEqual([P + 'kubectl get nodes', 'NAME', ''])
  })

  it('finish writes ^C at the end of the line (Ctrl-C)', () => {
    const { screen, r } = draw(80, [at('kubectl get no', 2)])
    screen.write(r.finish('^C'))
    expect(screen.lines()).toEqual([P + 'kubectl get no^C', ''])
  })

  it('finish adds no blank row after a line that ended at the margin', () => {
    const { screen, r } = draw(10, [at('12345678', 8, '$ ')])
    screen.write(r.finish())
    screen.write('out\r\n')
    expect(screen.lines()).toEqual(['$ 12345678', 'out', ''])
  })

  it('erase removes the prompt and the line (output from another source takes its place)', () => {
    const screen = new VirtualScreen(80)
    screen.write('before\r\n')
    const { r } = draw(80, [at('kubectl get pods -o wide', 3)], screen)
    screen.write(r.erase())
    screen.write('applied\r\n')
    expect(screen.lines()).toEqual(['before', 'applied', ''])
  })
})

describe('resizing', () => {
  it('redraws for the new width where the terminal re-wrapped the line', () => {
    // The screen is recreated at the new width, holding what xterm's reflow leaves there.
    const r = new LineRenderer(20)
    const wide = new VirtualScreen(20)
    r.begin(0)
    wide.write(r.render(at('kubectl get pods -o wide', 24, '$ ')))
    const narrow = new VirtualScreen(10)
    narrow.write('$ kubectl get pods -o wide')
    narrow.write(r.resize(10, at('kubectl get pods -o wide', 24, '$ ')))
    expect(narrow.lines()).toEqual(['$ kubectl ', 'get pods -', 'o wide'])
    expect(narrow.cursor()).toEqual({ x: 6, y: 2 })
  })
})
