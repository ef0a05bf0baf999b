// Go text/tabwriter semantics with kubectl's get parameters (minwidth 6, padding 3) and
// liggitt/tabwriter's RememberWidths (kubectl-output.md §1.2, §1.6, §11.12).

import { describe, expect, it } from 'vitest'
import { TabWriter } from './tabwriter'

function render(lines: string[], w?: (out: (t: string) => void) => TabWriter): string {
  let out = ''
  const tw = (w ?? TabWriter.forTables)((t) => (out += t))
  for (const l of lines) tw.write(l)
  tw.flush()
  return out
}

describe('TabWriter', () => {
  it('pads each column to its longest cell plus 3', () => {
    expect(render(['NAME\tREADY\tAGE\n', 'web\t3/3\t5m28s\n'])).toBe('NAME   READY   AGE\nweb    3/3     5m28s\n')
  })

  it('never pads the text after the last tab', () => {
    expect(render(['a\tb\n', 'a\tlonger\n'])).toBe('a     b\na     longer\n')
  })

  it('gives every column at least the minimum width of 6', () => {
    expect(render(['A\tB\n'])).toBe('A     B\n')
  })

  it('pads empty cells too', () => {
    expect(render(['NAME\tREASON\tAGE\n', 'pv-1\t\t5m\n'])).toBe('NAME   REASON   AGE\npv-1            5m\n')
  })

  it('counts characters, not bytes', () => {
    expect(render(['é\tx\n', 'ab\ty\n'])).toBe('é     x\nab    y\n')
  })

  it('aligns each block between tab-less lines on its own (describe)', () => {
    const out = render(['Name:\tweb\n', 'Containers:\n', '  Image:\tnginx\n'], TabWriter.forDescribe)
    expect(out).toBe('Name:  web\nContainers:\n  Image:  nginx\n')
  })

  it('widens a column from the line that needs it on, without re-aligning earlier lines (§11.12)', () => {
    let out = ''
    const tw = TabWriter.forTables((t) => (out += t))
    tw.write('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-3\t0/1\tPending\t0\t0s\n')
    tw.flush()
    tw.write('web-3\t0/1\tContainerCreating\t0\t0s\n')
    tw.flush()
    tw.write('web-3\t1/1\tRunning\t0\t2s\n')
    tw.flush()
    expect(out).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-3   0/1     Pending   0          0s\n' +
        'web-3   0/1     ContainerCreating   0          0s\n' +
        'web-3   1/1     Running             0          2s\n',
    )
  })

  it('forgets remembered widths when told to (a new table in get)', () => {
    let out = ''
    const tw = TabWriter.forTables((t) => (out += t))
    tw.write('a-very-long-name\tx\n')
    tw.flush()
    tw.setRememberedWidths(null)
    tw.write('b\ty\n')
    tw.flush()
    expect(out).toBe('a-very-long-name   x\nb     y\n')
  })
})
