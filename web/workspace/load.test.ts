// Saving and loading the session: a good copy continues where the student left off; a corrupt,
// outdated or unrestorable one is reported, kept aside, and replaced by a working fresh workspace.

import { describe, expect, it } from 'vitest'
import { BAD_SESSION_KEY, openWorkspace } from './load'
import { SESSION_SCHEMA } from './session-state'
import { memoryStorage } from './storage'
import { SAVE_DELAY_MS, SESSION_KEY, createWorkspace, type Schedule } from './workspace'

const noTimers: Schedule = () => () => {}

async function savedCopy(): Promise<string> {
  const storage = memoryStorage()
  const ws = createWorkspace({ storage, schedule: noTimers })
  await ws.save()
  return storage.data.get(SESSION_KEY)!
}

async function opensFresh(raw: string) {
  const storage = memoryStorage({ [SESSION_KEY]: raw })
  const opened = await openWorkspace({ storage, schedule: noTimers })
  return { storage, ...opened }
}

describe('a saved session', () => {
  it('brings back the cluster, the files, the kubeconfig and each tab history', async () => {
    const storage = memoryStorage()
    const ws = createWorkspace({ storage, schedule: noTimers })
    const tab = ws.terminals()[0]
    await tab.run('kubectl create deployment web --image=nginx')
    await tab.run('echo hello > /root/note.txt')
    await tab.run('kubectl config set-context --current --namespace=kube-system')
    const second = ws.openTerminal()
    await second.run('echo second')
    ws.setExtra('lab', { step: 2 })
    await ws.save()

    const { workspace: back, problem } = await openWorkspace({ storage, schedule: noTimers })
    expect(problem).toBeUndefined()
    expect(back.sim.snapshot().objects.Deployment.map((d) => d.metadata.name).sort()).toEqual(['coredns', 'web'])
    expect(back.fs.readFile('/root/note.txt')).toBe('hello\n')
    expect(back.terminals().map((t) => t.history())).toEqual([
      ['kubectl create deployment web --image=nginx', 'echo hello > /root/note.txt', 'kubectl config set-context --current --namespace=kube-system'],
      ['echo second'],
    ])
    expect((await back.capture('kubectl get deploy -o name')).stdout).toBe('deployment.apps/coredns\n')
    expect(back.extra('lab')).toEqual({ step: 2 })
  })

  it('keeps the clock where it was and the speed the student chose', async () => {
    const storage = memoryStorage()
    const ws = createWorkspace({ storage, schedule: noTimers })
    ws.frame(1000)
    ws.setSpeed(5)
    const now = ws.sim.now()
    await ws.save()
    const { workspace: back } = await openWorkspace({ storage, schedule: noTimers })
    expect(back.sim.now()).toBe(now)
    expect(back.speed()).toBe(5)
  })

  it('keeps opening new tabs after the restored ones', async () => {
    const storage = memoryStorage()
    const ws = createWorkspace({ storage, schedule: noTimers })
    ws.openTerminal()
    await ws.save()
    const { workspace: back } = await openWorkspace({ storage, schedule: noTimers })
    expect(back.openTerminal().id).toBe('t3')
  })

  it('is saved once, a moment after a change', async () => {
    const storage = memoryStorage()
    const pending: { fn: () => void; ms: number }[] = []
    const schedule: Schedule = (fn, ms) => {
      pending.push({ fn, ms })
      return () => pending.splice(pending.findIndex((p) => p.fn === fn), 1)
    }
    const ws = createWorkspace({ storage, schedule })
    pending.splice(0).forEach((p) => p.fn())
    await ws.save()
    storage.data.delete(SESSION_KEY)
    await ws.terminals()[0].run('echo a > /root/a')
    await ws.terminals()[0].run('echo b > /root/b')
    expect(pending.map((p) => p.ms)).toEqual([SAVE_DELAY_MS])
    pending.splice(0).forEach((p) => p.fn())
    await ws.save()
    expect(storage.data.get(SESSION_KEY)).toContain('/root/b')
  })
})

describe('an unusable saved session', () => {
  it('that is not JSON is reported as corrupt and replaced by a working workspace', async () => {
    const { workspace, problem } = await opensFresh('{"schema": 1, "sim": ')
    expect(problem?.kind).toBe('corrupt')
    expect((await workspace.capture('kubectl get nodes -o name')).stdout).toContain('node/k8s-master')
  })

  it('is kept under another key for debugging', async () => {
    const { storage } = await opensFresh('not json')
    expect(storage.data.get(BAD_SESSION_KEY)).toBe('not json')
  })

  it('is overwritten by the fresh session at once', async () => {
    const { storage } = await opensFresh('not json')
    expect(JSON.parse(storage.data.get(SESSION_KEY)!).schema).toBe(SESSION_SCHEMA)
  })

  it('from another schema version is reported as outdated', async () => {
    const raw = JSON.parse(await savedCopy())
    const { problem } = await opensFresh(JSON.stringify({ ...raw, schema: SESSION_SCHEMA + 1 }))
    expect(problem?.kind).toBe('outdated')
  })

  it('with a cluster state of another version is reported as outdated', async () => {
    const raw = JSON.parse(await savedCopy())
    const { problem } = await opensFresh(JSON.stringify({ ...raw, sim: { ...raw.sim, version: 999 } }))
    expect(problem?.kind).toBe('outdated')
  })

  it.each([
    ['a number', () => '42'],
    ['no schema', () => '{}'],
    ['files that are not entries', (r: any) => ({ ...r, fs: { '/root/x': { type: 'link' } } })],
    ['history that is not text', (r: any) => ({ ...r, terminals: [{ id: 't1', history: [1, 2] }] })],
    ['a speed we do not offer', (r: any) => ({ ...r, speed: 3 })],
    ['cluster objects without metadata', (r: any) => ({ ...r, sim: { ...r.sim, objects: [{ kind: 'Pod' }] } })],
    ['a kubeconfig without contexts', (r: any) => ({ ...r, kubeconfig: { currentContext: 'x' } })],
  ])('with %s is reported as corrupt', async (_name, change) => {
    const raw = JSON.parse(await savedCopy())
    const changed = change(raw)
    const { problem, workspace } = await opensFresh(typeof changed === 'string' ? changed : JSON.stringify(changed))
    expect(problem?.kind).toBe('corrupt')
    expect(workspace.terminals()).toHaveLength(1)
  })

  it('whose cluster cannot be rebuilt is reported as unrestorable', async () => {
    const raw = JSON.parse(await savedCopy())
    raw.sim.objects.push({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' } })
    const { problem, workspace } = await opensFresh(JSON.stringify(raw))
    expect(problem?.kind).toBe('unrestorable')
    expect(workspace.sim.snapshot().objects.Node).toHaveLength(3)
  })

  it('in storage that cannot be read means a fresh start without a notice', async () => {
    const storage = memoryStorage()
    storage.get = () => Promise.reject(new Error('SecurityError'))
    const { workspace, problem } = await openWorkspace({ storage, schedule: noTimers })
    expect(problem).toBeUndefined()
    expect(workspace.terminals()).toHaveLength(1)
  })
})
