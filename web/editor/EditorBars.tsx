// The pane's bars: the toolbar (Save, Apply), the banner while a command waits on the file, and the
// status line with kubectl's verdict on the YAML.

import type { EditorController } from './use-editor'

export function Toolbar({ c }: { c: EditorController }) {
  const { t } = c
  return (
    <div className="ord-editor-toolbar">
      <span className="ord-editor-path" title={c.path}>
        {c.path ?? ''}
      </span>
      <button data-testid="editor-save" disabled={!c.buffer} title={c.t.saveTitle} onClick={c.save}>
        {t.save}
      </button>
      <button
        data-testid="editor-apply"
        className="ord-editor-primary"
        disabled={!c.buffer || c.request !== undefined}
        title={c.command ? `${c.command}\n${t.applyTitle}` : t.applyTitle}
        onClick={c.apply}
      >
        ▶ {t.apply}
      </button>
    </div>
  )
}

export function SessionBanner({ c }: { c: EditorController }) {
  if (!c.request) return null
  return (
    <div className="ord-editor-banner" data-testid="editor-session" role="status">
      <span>{c.t.editing}</span>
      <button data-testid="editor-session-save" className="ord-editor-primary" onClick={c.save}>
        {c.t.save}
      </button>
      <button data-testid="editor-session-cancel" title={c.t.cancelTitle} onClick={c.cancel}>
        {c.t.cancel}
      </button>
    </div>
  )
}

export function StatusBar({ c }: { c: EditorController }) {
  const d = c.diagnostic?.diagnostic
  return (
    <div className="ord-editor-status" data-testid="editor-status">
      {c.disk === 'changed' && (
        <span className="ord-editor-warn">
          {c.t.changedOnDisk} <button onClick={c.reload}>{c.t.reload}</button>
        </span>
      )}
      {c.disk === 'deleted' && <span className="ord-editor-warn">{c.t.deletedOnDisk}</span>}
      {c.notice && <span className="ord-editor-warn">{c.notice}</span>}
      {d && (
        <button className="ord-editor-error ord-editor-link" data-testid="editor-kubectl-error" title={`${d.message}\n${c.t.goToLine(d.line)}`} onClick={() => c.goToLine(d.line)}>
          {c.t.kubectlSays}: {d.message}
        </button>
      )}
      {c.dirty && !d && <span className="ord-editor-muted">● {c.t.unsaved}</span>}
    </div>
  )
}
