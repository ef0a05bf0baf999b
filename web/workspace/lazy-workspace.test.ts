// The workspace the page starts with: a terminal that takes lines before the simulator is there,
// and hands everything over to the real workspace once it is.

import { describe, expect, it } from 'vitest'
import { LOGIN_PROMPT } from './lazy-tab'
import { LazyWorkspace, peekSession } from './lazy-workspace'
import { memoryStorage } from './storage'
import { createWorkspace, type BrowserWorkspace } from './workspace'

const noTimers = () => () => {}
const real = (): BrowserWorkspace => createWorkspace({ storage: memoryStorage(), schedule: noTimers })
const freshJson = () => JSON.stringify(real().sim.exportState())

function lazy(raw?: string): LazyWorkspace {
  return new LazyWorkspace(peekSession(raw, freshJson()))
}

describe('before the simulator has loaded', () => {
  it('shows the login prompt the real shell shows', () => {
    expect(lazy().terminals()[0].current().prompt()).toBe(LOGIN_PROMPT)
    expect(real().terminals()[0].current().prompt()).toBe(LOGIN_PROMPT)
  })

  it('is booting, and its clock and cluster are the fresh cluster’s', () => {
    const state = JSON.parse(freshJson())
    const ws = new LazyWorkspace(peekSession(undefined, JSON.stringify(state)))
    expect(ws.booting()).toBe(true)
    expect(ws.sim.now()).toBe(state.now)
    expect(ws.sim.snapshot().objects.Node.map((n) => n.metadata.name)).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2'])
    expect(ws.sim.snapshot().objects.StatefulSet).toEqual([])
  })

  it('says plainly that the cluster is starting when asked for more than the time and the snapshot', () => {
    expect(() => lazy().sim.api).toThrow('the simulated cluster is still starting (sim.api)')
  })

  it('takes the saved session’s tabs and histories', async () => {
    const r = real()
    await r.terminals()[0].run('echo one')
    r.openTerminal()
    const ws = lazy(JSON.stringify(r.toSaved()))
    expect(ws.terminals().map((t) => [t.id, t.history()])).toEqual([
      ['t1', ['echo one']],
      ['t2', []],
    ])
  })

  it('starts fresh from a saved session it cannot read', () => {
    expect(lazy('{"broken').terminals().map((t) => t.id)).toEqual(['t1'])
  })

  it('knows a heredoc pasted before the shell has loaded is one command, as the real shell does', () => {
    const session = lazy().terminals()[0].current()
    const shell = real().terminals()[0].current()
    for (const text of ['cat <<EOF | kubectl apply -f -', 'cat <<EOF | kubectl apply -f -\nkind: Pod', "echo 'open", 'for i in 1 2; do']) {
      expect(session.needsMore(text)).toBe(true)
      expect(shell.needsMore(text)).toBe(true)
    }
    expect(session.needsMore('cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF')).toBe(false)
    expect(session.needsMore('kubectl get pods')).toBe(false)
  })

  it('keeps lines sent to a tab waiting', () => {
    const tab = lazy().terminals()[0]
    void tab.run('echo hi')
    expect(tab.busy()).toBe(true)
    expect(tab.history()).toEqual(['echo hi'])
  })

  it('drops waiting lines on Ctrl-C', async () => {
    const tab = lazy().terminals()[0]
    const run = tab.run('echo hi')
    tab.interrupt()
    expect(await run).toBe(130)
    expect(tab.busy()).toBe(false)
  })

  it('does not save (storage still holds the saved session)', async () => {
    await expect(lazy().save()).resolves.toBeUndefined()
  })
})

describe('once bound to the real workspace', () => {
  it('runs the lines that waited, in order, into the same tab and listeners', async () => {
    const ws = lazy()
    const tab = ws.terminals()[0]
    let text = ''
    tab.onOutput((c) => (text += c.text))
    const first = tab.run('echo one', { echo: false })
    const second = tab.run('echo two', { echo: false })
    ws.bind(real())
    expect(await Promise.all([first, second])).toEqual([0, 0])
    expect(text).toBe('one\ntwo\n')
    expect(ws.terminals()[0]).toBe(tab)
    expect(ws.booting()).toBe(false)
  })

  it('passes the real shell through, with its prompt and completion', () => {
    const ws = lazy()
    const tab = ws.terminals()[0]
    const waiting = tab.current()
    ws.bind(real())
    expect(waiting.ended).toBe(true)
    expect(tab.current()).not.toBe(waiting)
    expect(tab.complete('kubectl get no', 14)).toContain('nodes')
  })

  it('opens in the real workspace the tabs the page showed', () => {
    const ws = lazy()
    ws.openTerminal()
    const r = real()
    ws.bind(r)
    expect(r.terminals().map((t) => t.id)).toEqual(['t1', 't2'])
    expect(ws.terminals().map((t) => t.id)).toEqual(['t1', 't2'])
  })

  it('applies the speed and the editor chosen before', async () => {
    const ws = lazy()
    ws.setSpeed(0)
    ws.setEditor({ edit: async () => 'saved\n' })
    const r = real()
    ws.bind(r)
    expect(r.speed()).toBe(0)
    await ws.terminals()[0].run('vi /root/x')
    expect(r.fs.readFile('/root/x')).toBe('saved\n')
  })

  it('follows the real workspace’s tabs and tells its subscribers', () => {
    const ws = lazy()
    ws.bind(real())
    let calls = 0
    ws.subscribe(() => calls++)
    const tab = ws.openTerminal()
    expect(ws.terminals()).toContain(tab)
    ws.closeTerminal(tab.id)
    expect(ws.terminals().map((t) => t.id)).toEqual(['t1'])
    expect(calls).toBeGreaterThan(0)
  })

  it('gives fresh tabs after a reset', async () => {
    const ws = lazy()
    const before = ws.terminals()[0]
    ws.bind(real())
    await ws.reset()
    expect(ws.terminals()).toHaveLength(1)
    expect(ws.terminals()[0]).not.toBe(before)
  })

  it('captures through the real workspace, also when asked before binding', async () => {
    const ws = lazy()
    const out = ws.capture('kubectl get nodes -o name')
    ws.bind(real())
    expect((await out).stdout).toBe('node/k8s-master\nnode/k8s-node1\nnode/k8s-node2\n')
  })
})
