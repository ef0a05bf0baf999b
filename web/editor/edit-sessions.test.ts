// The EditorHook behind `vi web.yaml` and `kubectl edit`: the command waits until the editor saves
// or cancels, and gets the saved text (or nothing).

import { describe, expect, it } from 'vitest'
import { createEditorSessions } from './edit-sessions'

describe('createEditorSessions', () => {
  it('shows an edit request until the editor finishes it', () => {
    const s = createEditorSessions()
    void s.edit('/root/web.yaml', 'a: 1\n')
    expect(s.pending().map((r) => [r.path, r.content])).toEqual([['/root/web.yaml', 'a: 1\n']])
  })

  it('resolves the waiting command with the saved text', async () => {
    const s = createEditorSessions()
    const done = s.edit('/root/web.yaml', 'a: 1\n')
    s.finish(s.forPath('/root/web.yaml')!.id, 'a: 2\n')
    expect([await done, s.pending()]).toEqual(['a: 2\n', []])
  })

  it('resolves with undefined when the editor cancels', async () => {
    const s = createEditorSessions()
    const done = s.edit('/root/web.yaml', 'a: 1\n')
    s.finish(s.pending()[0].id, undefined)
    expect(await done).toBeUndefined()
  })

  it('tells listeners when a request opens and ends', () => {
    const s = createEditorSessions()
    let calls = 0
    s.subscribe(() => calls++)
    void s.edit('/root/web.yaml', '')
    s.finish(s.pending()[0].id, undefined)
    expect(calls).toBe(2)
  })

  it('ignores a second finish of the same request', async () => {
    const s = createEditorSessions()
    const done = s.edit('/root/web.yaml', '')
    const { id } = s.pending()[0]
    s.finish(id, 'first')
    s.finish(id, 'second')
    expect(await done).toBe('first')
  })
})
