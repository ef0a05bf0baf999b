// The Monaco view of the open buffer (the lazy chunk: EditorPane loads it with React.lazy). One model
// per file, so switching tabs keeps each file's undo history and scroll position. The pane owns the
// text; this view reports edits and follows text that changed from outside (the terminal rewrote
// the file). Keys: Ctrl/Cmd+S saves, Ctrl/Cmd+Enter applies, Esc closes an edit session.

import { useEffect, useRef } from 'react'
import type { Theme } from '../state/contract'
import { isManifestPath } from './buffers'
import type { KubectlDiagnostic } from './kubectl-diagnostics'
import { monaco } from './monaco/setup'

export interface MonacoEditorProps {
  path: string
  text: string
  /** Files with a buffer; models of other files are disposed. */
  paths: readonly string[]
  theme: Theme
  /** kubectl's error for `path`'s text, if any (computed by the pane, shown as a marker). */
  diagnostic: { path: string; diagnostic: KubectlDiagnostic | undefined } | undefined
  /** A command waits on this file: Esc cancels (EditorPane decides what Esc does when dirty). */
  inSession: boolean
  /** Bumped when the student asked for the editor (a tab click, a new file, `vi`): take the focus. */
  focusTick: number
  /** A line to scroll to and put the cursor on (the status line's kubectl error was clicked). */
  reveal: { line: number; tick: number } | undefined
  onChange(path: string, text: string): void
  onSave(): void
  onApply(): void
  onEscape(): void
}

const uriOf = (path: string) => monaco.Uri.file(path)
const monacoTheme = (t: Theme) => (t === 'dark' ? 'vs-dark' : 'vs')

function modelFor(path: string, text: string): monaco.editor.ITextModel {
  return monaco.editor.getModel(uriOf(path)) ?? monaco.editor.createModel(text, isManifestPath(path) ? 'yaml' : 'plaintext', uriOf(path))
}

/** Replaces the model's text as one undoable edit (setValue would drop the undo history). */
function replaceText(model: monaco.editor.ITextModel, text: string): void {
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
}

function kubectlMarkers(model: monaco.editor.ITextModel, d: KubectlDiagnostic | undefined): monaco.editor.IMarkerData[] {
  if (!d) return []
  // go-yaml may name the line after the last one (end of stream): clamp to the model.
  const line = Math.min(Math.max(d.line, 1), model.getLineCount())
  const first = model.getLineFirstNonWhitespaceColumn(line) || 1
  const end = model.getLineMaxColumn(line)
  return [{ severity: monaco.MarkerSeverity.Error, message: d.message, source: 'kubectl', startLineNumber: line, startColumn: end > first ? first : 1, endLineNumber: line, endColumn: end > first ? end : end + 1 }]
}

export default function MonacoEditor(props: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const latest = useRef(props)
  latest.current = props
  const applyingProps = useRef(false)
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>())
  const sessionKey = useRef<monaco.editor.IContextKey<boolean> | null>(null)

  useEffect(() => {
    const p = latest.current
    const editor = monaco.editor.create(host.current!, {
      model: modelFor(p.path, p.text),
      theme: monacoTheme(p.theme),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      renderWhitespace: 'boundary',
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      hover: { delay: 300 },
      // kubectl's error comments quote Go maps (map[spec:map[...]]): no rainbow brackets in them.
      bracketPairColorization: { enabled: false },
    })
    editorRef.current = editor
    sessionKey.current = editor.createContextKey('ordinalEditSession', p.inSession)
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave())
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onApply())
    // Esc still closes Monaco's own widgets first (suggestions, find, hovers, the problem peek).
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => latest.current.onEscape(),
      'ordinalEditSession && !suggestWidgetVisible && !findWidgetVisible && !editorHoverVisible && !markersNavigationVisible && !parameterHintsVisible && !inSnippetMode',
    )
    const sub = editor.onDidChangeModelContent(() => {
      const model = editor.getModel()
      if (!applyingProps.current && model) latest.current.onChange(model.uri.path, model.getValue())
    })
    // For end-to-end tests and debugging (toolchain.md §4): the editor and the Monaco API.
    Object.assign(window, { __editor: editor, __monaco: monaco })
    // Never take the focus just for having loaded: the student may be typing in the terminal.
    if (p.focusTick > 0) editor.focus()
    return () => {
      sub.dispose()
      editor.dispose()
      editorRef.current = null
    }
  }, [])

  // The open file and its text: switch models, or follow text changed outside the editor.
  useEffect(() => {
    const editor = editorRef.current
    if (!editor) return
    const model = modelFor(props.path, props.text)
    const current = editor.getModel()
    applyingProps.current = true
    try {
      if (current !== model) {
        if (current) viewStates.current.set(current.uri.path, editor.saveViewState())
        editor.setModel(model)
        const view = viewStates.current.get(props.path)
        if (view) editor.restoreViewState(view)
      }
      if (model.getValue() !== props.text) replaceText(model, props.text)
    } finally {
      applyingProps.current = false
    }
  }, [props.path, props.text])

  // Models of closed buffers go (monaco keeps every model until disposed).
  useEffect(() => {
    const keep = new Set(props.paths)
    keep.add(props.path)
    for (const m of monaco.editor.getModels()) {
      if (m.uri.scheme === 'file' && !keep.has(m.uri.path)) {
        viewStates.current.delete(m.uri.path)
        m.dispose()
      }
    }
  }, [props.paths, props.path])

  useEffect(() => {
    if (props.focusTick > 0) editorRef.current?.focus()
  }, [props.focusTick])

  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model || !props.reveal) return
    const line = Math.min(props.reveal.line, model.getLineCount())
    editor.setPosition({ lineNumber: line, column: model.getLineFirstNonWhitespaceColumn(line) || 1 })
    editor.revealLineInCenter(line)
    editor.focus()
  }, [props.reveal])

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(props.theme))
  }, [props.theme])
  useEffect(() => {
    sessionKey.current?.set(props.inSession)
  }, [props.inSession])

  useEffect(() => {
    const d = props.diagnostic
    if (!d) return
    const model = monaco.editor.getModel(uriOf(d.path))
    if (model) monaco.editor.setModelMarkers(model, 'kubectl', kubectlMarkers(model, d.diagnostic))
  }, [props.diagnostic])

  return <div ref={host} className="ord-editor-monaco" data-testid="monaco-host" />
}
