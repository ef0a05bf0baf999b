// The app store over a real workspace: it follows the cluster and the files, keeps preferences,
// and its actions reach the terminals.

import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../workspace/storage'
import { createWorkspace } from '../workspace/workspace'
import { parsePrefs, PREFS_KEY, savePrefs, type Prefs } from './prefs'
import { layoutSlice, uiSlice, workspaceSlice } from './slices'
import { createAppStore } from './store'

const PREFS: Prefs = { theme: 'light', locale: 'en', sizes: {} }

function app(prefs: Prefs = PREFS) {
  const saved: Prefs[] = []
  const workspace = createWorkspace({ storage: memoryStorage(), schedule: () => () => {} })
  const a = createAppStore({ workspace, prefs, savePrefs: (p) => saved.push(p) })
  return { ...a, workspace, saved, get: a.store.getState }
}

describe('the store', () => {
  it('holds the simulation snapshot itself, not a copy', () => {
    const { get, workspace } = app()
    expect(get().snapshot).toBe(workspace.sim.snapshot())
  })

  it('follows the cluster when a command changes it', async () => {
    const { get, workspace } = app()
    await workspace.terminals()[0].run('kubectl create namespace lab')
    expect(get().snapshot.objects.Namespace.map((n) => n.metadata.name)).toContain('lab')
  })

  it('follows the files when a command writes one', async () => {
    const { get, workspace } = app()
    const before = get().fsVersion
    await workspace.terminals()[0].run('touch /root/web.yaml')
    expect(get().fsVersion).toBeGreaterThan(before)
  })

  it('moves its clock in whole simulated seconds', () => {
    const { get, workspace, tick } = app()
    const start = get().now
    workspace.frame(400)
    tick()
    expect(get().now).toBe(start)
    workspace.frame(700)
    tick()
    expect(get().now).toBe(start + 1100)
  })

  it('starts with the saved preferences', () => {
    const { get } = app({ theme: 'dark', locale: 'zh-CN', sizes: { main: 0.3 } })
    expect([get().theme, get().locale, get().paneSizes]).toEqual(['dark', 'zh-CN', { main: 0.3 }])
  })

  it('has slices that own different keys', () => {
    const { workspace } = app()
    const keys = [Object.keys(workspaceSlice(workspace, undefined)), Object.keys(uiSlice(PREFS, undefined)), Object.keys(layoutSlice({}))]
    const all = keys.flat()
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('actions', () => {
  it('save the preferences when the theme changes', () => {
    const { actions, get, saved } = app()
    actions.setTheme('dark')
    expect(get().theme).toBe('dark')
    expect(saved.at(-1)).toEqual({ theme: 'dark', locale: 'en', sizes: {} })
  })

  it('switch the shells to Chinese with the UI', async () => {
    const { actions, workspace } = app()
    actions.setLocale('zh-CN')
    let text = ''
    workspace.terminals()[0].onOutput((c) => (text += c.text))
    await workspace.terminals()[0].run('help', { echo: false })
    expect(text).toMatch(/[\u4e00-\u9fff]/)
  })

  it('set the clock speed of the workspace', () => {
    const { actions, get, workspace } = app()
    actions.setSpeed(0)
    expect([get().speed, workspace.speed()]).toEqual([0, 0])
  })

  it('run a line in the active terminal', async () => {
    const { actions, get, workspace } = app()
    const second = actions.openTerminal()
    expect(get().activeTerminal).toBe(second.id)
    await actions.runInTerminal('echo hi')
    expect(second.history()).toEqual(['echo hi'])
    expect(workspace.terminals()[0].history()).toEqual([])
  })

  it('run a line in another terminal when the active one is busy', async () => {
    const { actions, get, workspace } = app()
    const first = workspace.terminals()[0]
    const watch = first.run('kubectl get pods -w')
    await actions.runInTerminal('echo hi')
    expect(get().terminals).toHaveLength(2)
    expect(get().activeTerminal).not.toBe(first.id)
    first.interrupt()
    await watch
  })

  it('make a neighbour active when the active terminal closes', () => {
    const { actions, get } = app()
    const second = actions.openTerminal()
    actions.openTerminal()
    actions.setActiveTerminal(second.id)
    actions.closeTerminal(second.id)
    expect(get().activeTerminal).toBe('t1')
    expect(get().terminals.map((t) => t.id)).toEqual(['t1', 't3'])
  })

  it('reset the cluster but keep the preferences', async () => {
    const { actions, get, workspace } = app({ theme: 'dark', locale: 'zh-CN', sizes: {} })
    await workspace.terminals()[0].run('kubectl create namespace lab')
    actions.openFile('/root/web.yaml')
    await actions.reset()
    expect(get().snapshot.objects.Namespace.map((n) => n.metadata.name)).not.toContain('lab')
    expect([get().openFile, get().theme, get().locale]).toEqual([undefined, 'dark', 'zh-CN'])
    expect(get().activeTerminal).toBe(get().terminals[0].id)
  })

  it('skip until the cluster settles', async () => {
    const { actions, get, workspace } = app()
    await workspace.terminals()[0].run('kubectl create deployment web --image=nginx')
    actions.skipUntilSettled()
    const pods = get().snapshot.objects.Pod.filter((p) => p.metadata.name?.startsWith('web-'))
    expect(pods.map((p) => (p as { status?: { phase?: string } }).status?.phase)).toEqual(['Running'])
  })

  it('clear the notice when dismissed', () => {
    const workspace = createWorkspace({ storage: memoryStorage(), schedule: () => () => {} })
    const { actions, store } = createAppStore({ workspace, prefs: PREFS, notice: 'notice.corrupt' })
    actions.dismissNotice()
    expect(store.getState().notice).toBeUndefined()
  })
})

describe('preferences', () => {
  it('come back as saved', async () => {
    const storage = memoryStorage()
    await savePrefs(storage, { theme: 'dark', locale: 'zh-CN', sizes: { a: 0.25 } })
    expect(parsePrefs(storage.data.get(PREFS_KEY), { theme: 'light', locale: 'en' })).toEqual({ theme: 'dark', locale: 'zh-CN', sizes: { a: 0.25 } })
  })

  it.each(['not json', '{"schema":1,"theme":"blue","locale":"fr","sizes":{"a":7}}', '{"theme":"dark"}'])('fall back to the defaults when malformed: %s', (raw) => {
    expect(parsePrefs(raw, { theme: 'light', locale: 'en' })).toEqual({ theme: 'light', locale: 'en', sizes: {} })
  })
})
