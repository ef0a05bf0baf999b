// The student's files as tabs (everything under /root, plus a file a command opened elsewhere), with
// a dot for unsaved changes, and the new-file field.

import { useState } from 'react'
import { type Buffers, isDirty, tabLabel } from './buffers'
import type { EditorStrings } from './strings'

interface Props {
  t: EditorStrings
  files: readonly string[]
  buffers: Buffers
  current: string | undefined
  waiting: ReadonlySet<string>
  onOpen(path: string): void
  /** Creates (or opens) a file; returns an error to show, or undefined. */
  onCreate(name: string): string | undefined
}

export function FileTabs({ t, files, buffers, current, waiting, onOpen, onCreate }: Props) {
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | undefined>()

  const submit = () => {
    const err = onCreate(name)
    setError(err)
    if (!err) {
      setNaming(false)
      setName('')
    }
  }

  return (
    <div className="ord-editor-tabs" role="tablist" aria-label={t.files}>
      {files.map((f) => {
        const b = buffers.get(f)
        const dirty = b !== undefined && isDirty(b)
        return (
          <button
            key={f}
            role="tab"
            aria-selected={f === current}
            className={'ord-editor-tab' + (f === current ? ' is-current' : '') + (waiting.has(f) ? ' is-waiting' : '')}
            title={f}
            data-path={f}
            onClick={() => onOpen(f)}
          >
            {tabLabel(f)}
            {dirty && (
              <span className="ord-editor-dirty" aria-label={t.unsaved}>
                ●
              </span>
            )}
          </button>
        )
      })}
      {naming ? (
        <span className="ord-editor-newfile">
          <input
            autoFocus
            aria-label={t.newFile}
            placeholder={t.newFilePlaceholder}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit()
              if (e.key === 'Escape') {
                setNaming(false)
                setError(undefined)
              }
            }}
            onBlur={() => name.trim() === '' && setNaming(false)}
          />
          {error && <span className="ord-editor-error">{error}</span>}
        </span>
      ) : (
        <button className="ord-editor-tab ord-editor-add" title={t.newFile} aria-label={t.newFile} onClick={() => setNaming(true)}>
          +
        </button>
      )}
    </div>
  )
}
