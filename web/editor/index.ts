// The YAML editor's public face: the pane (Monaco inside is lazy-loaded) and the EditorHook sessions
// a workspace's shells use for `vi`, `nano` and `kubectl edit` (installed by the pane through
// workspace.setEditor; createEditorSessions is exported for tests and headless uses).
export { EditorPane } from './EditorPane'
export { createEditorSessions, type EditorSessions, type EditRequest } from './edit-sessions'
