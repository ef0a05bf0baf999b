// What the pane shows until Monaco has loaded (and if it never does): the same text in a plain text
// area, already editable, so `vi web.yaml` typed in the first second still opens something usable.

import { useEffect, useRef } from 'react'
import type { EditorStrings } from './strings'

interface Props {
  t: EditorStrings
  path: string
  text: string
  /** As for Monaco: bumped when the student asked for the editor. */
  focusTick: number
  onChange(path: string, text: string): void
  onEscape(): void
}

export function PlainEditor({ t, path, text, focusTick, onChange, onEscape }: Props) {
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (focusTick > 0) area.current?.focus()
  }, [focusTick])
  return (
    <div className="ord-editor-plain" data-testid="editor-placeholder">
      <div className="ord-editor-loading">{t.loading}</div>
      <textarea ref={area} spellCheck={false} aria-label={path} value={text} onChange={(e) => onChange(path, e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onEscape()} />
    </div>
  )
}
