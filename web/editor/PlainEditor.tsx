// What the pane shows until Monaco has loaded (and if it never does): the same text in a plain text
// area, already editable, so `vi web.yaml` typed in the first second still opens something usable.

import type { EditorStrings } from './strings'

interface Props {
  t: EditorStrings
  path: string
  text: string
  onChange(path: string, text: string): void
}

export function PlainEditor({ t, path, text, onChange }: Props) {
  return (
    <div className="ord-editor-plain" data-testid="editor-placeholder">
      <div className="ord-editor-loading">{t.loading}</div>
      <textarea spellCheck={false} aria-label={path} value={text} onChange={(e) => onChange(path, e.target.value)} />
    </div>
  )
}
