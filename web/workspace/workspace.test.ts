// The workspace under node: terminals running the lab shell, time that moves only as frames pass,
// Ctrl-C, nested sessions, hidden captures, the editor hook, reset.

import { describe, expect, it } from 'vitest'
import { memoryStorage } from './storage'
import { createWorkspace, MAX_BACKLOG_MS, SLICE_MS, type BrowserWorkspace } from './workspace'

function workspace(): BrowserWorkspace {
  return createWorkspace({ storage: memoryStorage(), schedule: () => () => {} })
}

/** Lets every pending promise continuation run, as the browser does between two frames. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function output(ws: BrowserWorkspace, index = 0): { text: () => string } {
  let text = ''
  ws.terminals()[index].onOutput((c) => (text += c.text))
  return { text: () => text }
}

/** Runs frames of `ms` until `p` settles (at most `max` frames); returns how many it took. */
async function framesUntil(ws: BrowserWorkspace, p: Promise<unknown>, ms: number, max = 100): Promise<number> {
  let done = false
  void p.then(() => (done = true))
  for (let n = 0; n < max; n++) {
    await flush()
    if (done) return n
    ws.frame(ms)
  }
  await flush()
  return done ? max : -1
}

describe('terminal tabs', () => {
  it('starts with one tab at the host prompt', () => {
    const ws = workspace()
    expect(ws.terminals()).toHaveLength(1)
    expect(ws.terminals()[0].current().prompt()).toBe('root@k8s-master:~# ')
  })

  it('echoes the prompt and the line, then the output', async () => {
    const ws = workspace()
    const out = output(ws)
    const code = await ws.terminals()[0].run('kubectl get nodes')
    expect(code).toBe(0)
    expect(out.text()).toMatch(/^root@k8s-master:~# kubectl get nodes\nNAME +STATUS +ROLES +AGE +VERSION\nk8s-master +Ready +control-plane/)
  })

  it('does not echo lines the terminal already shows', async () => {
    const ws = workspace()
    const out = output(ws)
    await ws.terminals()[0].run('echo hi', { echo: false })
    expect(out.text()).toBe('hi\n')
  })

  it('reports lines starting and ending to activity listeners', async () => {
    const ws = workspace()
    const seen: string[] = []
    ws.terminals()[0].onActivity((e) => seen.push(e.type === 'start' ? `start ${e.line} ${e.echo}` : `end ${e.exitCode}`))
    await ws.terminals()[0].run('false')
    expect(seen).toEqual(['start false true', 'end 1'])
  })

  it('runs lines one at a time in the order sent', async () => {
    const ws = workspace()
    const out = output(ws)
    const tab = ws.terminals()[0]
    const first = tab.run('sleep 1; echo one', { echo: false })
    const second = tab.run('echo two', { echo: false })
    expect(tab.busy()).toBe(true)
    await framesUntil(ws, Promise.all([first, second]), 250)
    expect(out.text()).toBe('one\ntwo\n')
    expect(tab.busy()).toBe(false)
  })

  it('keeps each tab its own history', async () => {
    const ws = workspace()
    const second = ws.openTerminal()
    await ws.terminals()[0].run('echo a')
    await second.run('echo b')
    expect(ws.terminals()[0].history()).toEqual(['echo a'])
    expect(second.history()).toEqual(['echo b'])
  })

  it('replays earlier output to a listener that asks for it', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    await tab.run('echo before', { echo: false })
    let text = ''
    tab.onOutput((c) => (text += c.text), { replay: true })
    expect(text).toBe('before\n')
  })

  it('sends lines to a container shell opened by kubectl exec -it until it exits', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    const out = output(ws)
    await tab.run('kubectl run bb --image=busybox -- sleep 3600')
    ws.skipUntilSettled()
    const exec = tab.run('kubectl exec -it bb -- sh')
    await flush()
    expect(tab.current().prompt()).toBe('/ # ')
    await tab.run('hostname')
    await tab.run('exit')
    await exec
    expect(tab.current().prompt()).toBe('root@k8s-master:~# ')
    expect(out.text()).toContain('/ # hostname\nbb\n')
  })

  it('logs in again after exit in the host shell, keeping the history', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    await tab.run('echo a')
    await tab.run('exit')
    expect(tab.current().ended).toBe(false)
    expect(tab.history()).toEqual(['echo a', 'exit'])
  })

  it('replaces the last tab closed with a fresh one', () => {
    const ws = workspace()
    const first = ws.terminals()[0]
    ws.closeTerminal(first.id)
    expect(ws.terminals()).toHaveLength(1)
    expect(ws.terminals()[0].id).not.toBe(first.id)
  })

  it('offers completions from the shell', () => {
    const ws = workspace()
    expect(ws.terminals()[0].complete('kubectl get no', 14)).toContain('nodes')
  })
})

describe('time', () => {
  it('lets sleep finish only when frames have moved the clock far enough', async () => {
    const ws = workspace()
    const frames = await framesUntil(ws, ws.terminals()[0].run('sleep 5'), 1000)
    expect(frames).toBe(5)
  })

  it('moves the clock speed times faster than real time', async () => {
    const ws = workspace()
    ws.setSpeed(10)
    const start = ws.sim.now()
    ws.frame(100)
    expect(ws.sim.now() - start).toBe(1000)
  })

  it('stops a busy frame after its budget and works the rest off in the next frames', () => {
    let real = 0
    // Every look at the real clock finds another 30 ms gone: each step of simulated time is slow.
    const ws = createWorkspace({ storage: memoryStorage(), schedule: () => () => {}, realNow: () => (real += 30) })
    ws.setSpeed(10)
    const start = ws.sim.now()
    ws.frame(100)
    // 1000 ms owed; the budget (40 ms) allows two steps of SLICE_MS.
    expect(ws.sim.now() - start).toBe(2 * SLICE_MS)
    ws.frame(0)
    ws.frame(0)
    expect(ws.sim.now() - start).toBe(1000)
    // A frame far behind keeps at most MAX_BACKLOG_MS of it.
    ws.frame(1000)
    for (let i = 0; i < 20; i++) ws.frame(0)
    expect(ws.sim.now() - start).toBe(1000 + 2 * SLICE_MS + MAX_BACKLOG_MS)
  })

  it('drops the time owed by busy frames when paused', () => {
    let real = 0
    const ws = createWorkspace({ storage: memoryStorage(), schedule: () => () => {}, realNow: () => (real += 30) })
    ws.setSpeed(10)
    ws.frame(100)
    ws.setSpeed(0)
    const paused = ws.sim.now()
    for (let i = 0; i < 5; i++) ws.frame(16)
    expect(ws.sim.now()).toBe(paused)
  })

  it('keeps fractions of a millisecond for the next frame', () => {
    const ws = workspace()
    const start = ws.sim.now()
    for (let i = 0; i < 3; i++) ws.frame(16.5)
    expect(ws.sim.now() - start).toBe(49)
  })

  it('does not move the clock while paused', async () => {
    const ws = workspace()
    ws.setSpeed(0)
    const start = ws.sim.now()
    const frames = await framesUntil(ws, ws.terminals()[0].run('sleep 1'), 1000, 10)
    expect(frames).toBe(-1)
    expect(ws.sim.now()).toBe(start)
  })

  it('lets long loops yield at frames even while paused', async () => {
    const ws = workspace()
    ws.setSpeed(0)
    const out = output(ws)
    const frames = await framesUntil(ws, ws.terminals()[0].run('i=0; while [ $i -lt 1200 ]; do i=$((i+1)); done; echo $i', { echo: false }), 16)
    expect(frames).toBeGreaterThan(0)
    expect(out.text()).toBe('1200\n')
  })

  it('cancels a sleep on Ctrl-C with status 130', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    const run = tab.run('sleep 100')
    await flush()
    tab.interrupt()
    expect(await run).toBe(130)
  })

  it('stops kubectl get -w on Ctrl-C', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    const run = tab.run('kubectl get pods -A -w')
    ws.frame(1000)
    await flush()
    expect(tab.busy()).toBe(true)
    tab.interrupt()
    await run
    expect(tab.busy()).toBe(false)
  })

  it('finishes rollout status when skipping until the cluster settles', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    const out = output(ws)
    await tab.run('kubectl create deployment web --image=nginx --replicas=2')
    const status = tab.run('kubectl rollout status deployment/web')
    await flush()
    expect(tab.busy()).toBe(true)
    ws.skipUntilSettled()
    expect(await status).toBe(0)
    expect(out.text()).toContain('deployment "web" successfully rolled out')
  })

  it('leaves nothing but background timers after skipping', async () => {
    const ws = workspace()
    await ws.terminals()[0].run('kubectl create deployment web --image=nginx --replicas=3')
    ws.skipUntilSettled()
    expect(ws.sim.clock.hasForegroundTimers()).toBe(false)
    expect(ws.sim.snapshot().objects.Pod.filter((p) => p.metadata.name?.startsWith('web-'))).toHaveLength(3)
  })
})

describe('the machine', () => {
  it('bumps the files version when a command writes a file', async () => {
    const ws = workspace()
    const before = ws.fsVersion()
    await ws.terminals()[0].run('echo x > /root/a.txt')
    expect(ws.fsVersion()).toBeGreaterThan(before)
    expect(ws.fs.readFile('/root/a.txt')).toBe('x\n')
  })

  it('shares one kubeconfig between tabs', async () => {
    const ws = workspace()
    const other = ws.openTerminal()
    await ws.terminals()[0].run('kubectl config set-context --current --namespace=kube-system')
    const out = await ws.capture('kubectl config view --minify -o jsonpath={..namespace}')
    expect(out.stdout).toBe('kube-system')
    let text = ''
    other.onOutput((c) => (text += c.text))
    await other.run('kubectl get deploy', { echo: false })
    expect(text).toMatch(/^NAME +READY/)
    expect(text).toContain('coredns')
  })

  it('captures a hidden command without touching any tab', async () => {
    const ws = workspace()
    const out = output(ws)
    const r = await ws.capture('kubectl get nodes -o name')
    expect(r).toEqual({ stdout: 'node/k8s-master\nnode/k8s-node1\nnode/k8s-node2\n', stderr: '', exitCode: 0 })
    expect(out.text()).toBe('')
    expect(ws.terminals()[0].history()).toEqual([])
  })

  it('makes vi wait for the editor, then writes what it saved', async () => {
    const ws = workspace()
    const tab = ws.terminals()[0]
    const run = tab.run('vi /root/web.yaml')
    await flush()
    expect(tab.busy()).toBe(true)
    ws.setEditor({ edit: async (path, content) => `${path}:${content}saved\n` })
    expect(await run).toBe(0)
    expect(ws.fs.readFile('/root/web.yaml')).toBe('/root/web.yaml:saved\n')
  })

  it('resets to a fresh cluster, machine and terminal', async () => {
    const ws = workspace()
    await ws.terminals()[0].run('kubectl create deployment web --image=nginx')
    await ws.terminals()[0].run('echo x > /root/a.txt')
    ws.openTerminal()
    await ws.reset()
    expect(ws.terminals()).toHaveLength(1)
    expect(ws.terminals()[0].history()).toEqual([])
    expect(ws.fs.exists('/root/a.txt')).toBe(false)
    expect(ws.sim.snapshot().objects.Deployment.map((d) => d.metadata.name)).toEqual(['coredns'])
  })

  it('tells subscribers when the cluster changes', async () => {
    const ws = workspace()
    let calls = 0
    ws.subscribe(() => calls++)
    await ws.terminals()[0].run('kubectl create namespace lab')
    expect(calls).toBeGreaterThan(0)
  })
})

describe('a fresh workspace from a baked cluster state', () => {
  it('restores the given state instead of booting', async () => {
    const state = createWorkspace({ storage: memoryStorage(), schedule: () => () => {} }).sim.exportState()
    const json = JSON.stringify(state)
    const ws = createWorkspace({ storage: memoryStorage(), schedule: () => () => {}, fresh: () => JSON.parse(json) })
    expect(ws.sim.now()).toBe(state.now)
    expect(ws.sim.snapshot().objects.Pod.map((p) => p.metadata.name)).toEqual(state.objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name))
    expect((await ws.capture('kubectl get nodes -o name')).stdout).toBe('node/k8s-master\nnode/k8s-node1\nnode/k8s-node2\n')
  })
})
