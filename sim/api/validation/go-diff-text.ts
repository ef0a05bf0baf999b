// Text layout of go-cmp reports (report_text.go): a tree of lines, wrapped lists and records with
// -/+ marks; lists collapse to one line unless they hold changes, comments or grow past 80 columns
// when removed or inserted; expanded lists indent with tabs after a two-column mark and align the
// values of consecutive one-line records.

export type Text = { t: 'line'; s: string } | { t: 'wrap'; pre: string; v: Text; post: string } | { t: 'list'; recs: Rec[] }
export interface Rec {
  diff: '' | '-' | '+'
  key: string
  v: Text
  elideComma?: boolean
  comment?: string
}

export const line = (s: string): Text => ({ t: 'line', s })
export const ELLIPSIS = '...'
const MAX_COLUMN = 80

/** formatCompactTo: a subtree becomes a single line unless it holds diffs, comments or is too long. */
export function compact(t: Text, d: '' | '-' | '+' = ''): { text: Text; flat: string | undefined } {
  switch (t.t) {
    case 'line':
      return { text: t, flat: t.s }
    case 'wrap': {
      const inner = compact(t.v, d)
      t = { ...t, v: inner.text }
      return inner.flat === undefined ? { text: t, flat: undefined } : { text: line(t.pre + inner.flat + t.post), flat: t.pre + inner.flat + t.post }
    }
    case 'list': {
      let multi = false
      const parts: string[] = []
      const recs = t.recs.map((r) => {
        if (r.diff) multi = true
        const c = compact(r.v, (d || r.diff) as '' | '-' | '+')
        if (c.flat === undefined || r.comment) multi = true
        parts.push((r.key ? r.key + ': ' : '') + (c.flat ?? ''))
        return { ...r, v: c.text }
      })
      const flat = parts.join(', ')
      if ((d === '-' || d === '+') && flat.length > MAX_COLUMN) multi = true
      return multi ? { text: { t: 'list', recs }, flat: undefined } : { text: line(flat), flat }
    }
  }
}

export function indent(n: number, d: '' | '-' | '+'): string {
  return (d === '' ? '  ' : d + ' ') + '\t'.repeat(n)
}

export function expanded(t: Text, d: '' | '-' | '+', n: number): string {
  switch (t.t) {
    case 'line':
      return t.s
    case 'wrap':
      return t.pre + expanded(t.v, d, n) + t.post
    case 'list': {
      // A list of plain values only (no keys, marks or comments) is packed into 80-column lines.
      if (t.recs.every((r) => !r.diff && !r.key && r.v.t === 'line' && !r.comment)) {
        let out = ''
        let batch = ''
        const emit = () => {
          if (batch) out += '\n' + indent(n + 1, d) + batch.trimEnd()
          batch = ''
        }
        for (const r of t.recs) {
          const s = (r.v as { s: string }).s
          if (batch.length + s.length + 2 > MAX_COLUMN) emit()
          batch += s + ', '
        }
        emit()
        return out + '\n' + indent(n, d)
      }
      // Align the values of consecutive single-line records that have keys.
      const pad: number[] = new Array(t.recs.length).fill(0)
      let start = 0
      const close = (end: number) => {
        const max = Math.max(0, ...t.recs.slice(start, end).map((r) => [...r.key].length))
        for (let i = start; i < end; i++) pad[i] = max - [...t.recs[i].key].length
      }
      t.recs.forEach((r, i) => {
        if (!r.key || r.v.t !== 'line') {
          close(i)
          start = i + 1
        }
      })
      close(t.recs.length)
      let out = ''
      for (const [i, r] of t.recs.entries()) {
        const dd = (d || r.diff) as '' | '-' | '+'
        out += '\n' + indent(n + 1, dd)
        if (r.key) out += r.key + ': '
        out += ' '.repeat(pad[i])
        out += expanded(r.v, dd, n + 1)
        if (!r.elideComma) out += ','
        if (r.comment) out += ' // ' + r.comment
      }
      return out + '\n' + indent(n, d)
    }
  }
}

export function render(t: Text): string {
  return expanded(t, '', 0)
}

