import { describe, expect, it } from 'vitest'
import { TerminalDriver } from './terminal-driver'
import { FakeTab } from './testing/fake-tab'
import { VirtualScreen } from './testing/virtual-screen'

const P = 'root@k8s-master:~# '

/** Lets the shell's promises run (a line runs asynchronously). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

async function setup(opts: { history?: string[]; columns?: number } = {}) {
  const tab = new FakeTab({ history: opts.history })
  const screen = new VirtualScreen(opts.columns ?? 80)
  let bells = 0
  const driver = new TerminalDriver(tab, { write: (d) => screen.write(d), bell: () => bells++ }, { columns: opts.columns ?? 80 })
  driver.start()
  const type = async (data: string) => {
    driver.input(data)
    await flush()
  }
  return { tab, screen, driver, type, bells: () => bells }
}

describe('the prompt and running lines', () => {
  it('shows the shell prompt first', async () => {
    const { screen } = await setup()
    expect(screen.lines()).toEqual([P])
  })

  it('runs a typed line and shows its output, then a new prompt', async () => {
    const { screen, type } = await setup()
    await type('kubectl get nodes\r')
    expect(screen.lines()).toEqual([
      P + 'kubectl get nodes',
      'NAME         STATUS   ROLES           AGE   VERSION',
      'k8s-master   Ready    control-plane   12d   v1.33.1',
      'k8s-node1    Ready    <none>          12d   v1.33.1',
      'k8s-node2    Ready    <none>          12d   v1.33.1',
      P,
    ])
  })

  it('shows a new prompt for an empty line without running anything', async () => {
    const { screen, type, tab } = await setup()
    await type('\r')
    expect(screen.lines()).toEqual([P, P])
    expect(tab.history()).toEqual([])
  })

  it('recalls the previous line with Up', async () => {
    const { screen, type } = await setup()
    await type('echo one\r')
    await type('\x1b[A')
    expect(screen.lines().at(-1)).toBe(P + 'echo one')
  })

  it('puts the next prompt right after output without a newline, as bash does', async () => {
    const { screen, type } = await setup()
    await type('printf hi\r')
    expect(screen.lines().at(-1)).toBe('hi' + P)
  })

  it('shows Chinese output and keeps the cursor right after wide characters', async () => {
    const { screen, type } = await setup()
    await type('echo 你好\r')
    await type('echo 中文\x1b[D\x1b[D\x7f')
    expect(screen.lines().slice(1)).toEqual(['你好', P + 'echo中文'])
    expect(screen.cursor().x).toBe(P.length + 4)
  })

  it('clears the screen for `clear`', async () => {
    const { screen, type } = await setup()
    await type('echo a\r')
    await type('clear\r')
    expect(screen.lines()).toEqual([P])
  })

  it('clears the screen with Ctrl-L and keeps the line being typed', async () => {
    const { screen, type } = await setup()
    await type('echo a\r')
    await type('kubectl\x0c')
    expect(screen.lines()).toEqual([P + 'kubectl'])
  })
})

describe('Ctrl-C', () => {
  it('abandons the line at the prompt with ^C', async () => {
    const { screen, type, tab } = await setup()
    await type('kubectl get po\x03')
    expect(screen.lines()).toEqual([P + 'kubectl get po^C', P])
    expect(tab.history()).toEqual([])
  })

  it('stops `kubectl get pods -w` and gives the prompt back', async () => {
    const { screen, type, tab } = await setup()
    await type('kubectl run web --image=nginx\r')
    await type('kubectl get pods -w\r')
    expect(tab.busy()).toBe(true)
    tab.advance(30_000)
    await flush()
    await type('\x03')
    expect(tab.busy()).toBe(false)
    const lines = screen.lines()
    expect(lines.at(-2)).toBe('^C')
    expect(lines.at(-1)).toBe(P)
    expect(lines).toContain('NAME   READY   STATUS    RESTARTS   AGE')
  })

  it('throws away what was typed ahead', async () => {
    const { screen, type } = await setup()
    await type('sleep 10\r')
    await type('echo typed\r\x03')
    expect(screen.lines()).toEqual([P + 'sleep 10', 'echo typed', '^C', P])
  })
})

describe('typing while a line runs', () => {
  it('echoes what is typed and runs it after the running line', async () => {
    const { screen, type, tab } = await setup()
    await type('sleep 5\r')
    await type('echo after\r')
    tab.advance(5_000)
    await flush()
    expect(screen.lines()).toEqual([P + 'sleep 5', 'echo after', P + 'echo after', 'after', P])
  })

  it('leaves a line typed ahead without Enter at the next prompt', async () => {
    const { screen, type, tab } = await setup()
    await type('sleep 1\r')
    await type('ls')
    tab.advance(1_000)
    await flush()
    expect(screen.lines().at(-1)).toBe('ls' + P + 'ls')
  })
})

describe('lines that need more', () => {
  it('asks for more with PS2 and runs the heredoc once it is complete', async () => {
    const { screen, type, tab } = await setup()
    await type('cat <<EOF > web.yaml\rkind: Service\rEOF\r')
    expect(screen.lines()).toEqual([P + 'cat <<EOF > web.yaml', '> kind: Service', '> EOF', P])
    expect(tab.host.fs.readFile('/root/web.yaml')).toBe('kind: Service\n')
  })

  it('keeps a pasted heredoc in the line until Enter, then runs it', async () => {
    const { screen, type, tab } = await setup()
    await type('\x1b[200~cat <<EOF > web.yaml\rkind: Service\rEOF\r\x1b[201~')
    expect(tab.history()).toEqual([])
    await type('\r')
    expect(screen.lines()).toEqual([P + 'cat <<EOF > web.yaml', 'kind: Service', 'EOF', '', P])
    expect(tab.host.fs.readFile('/root/web.yaml')).toBe('kind: Service\n')
  })

  it('Ctrl-C in the middle of a heredoc abandons all of it', async () => {
    const { screen, type } = await setup()
    await type('cat <<EOF\rhello\x03')
    expect(screen.lines()).toEqual([P + 'cat <<EOF', '> hello^C', P])
  })
})

describe('completion', () => {
  it('completes `kubectl get po` to the common prefix, then lists on a further Tab', async () => {
    const { screen, type, bells } = await setup()
    await type('kubectl get po\t')
    expect(screen.lines()).toEqual([P + 'kubectl get pod'])
    await type('\t\t')
    expect(screen.lines()).toEqual([P + 'kubectl get pod', 'poddisruptionbudgets.policy  pods', P + 'kubectl get pod'])
    expect(bells()).toBe(2)
  })

  it('completes a single match with a space', async () => {
    const { screen, type } = await setup()
    await type('kubectl get pods\t')
    expect(screen.lines()).toEqual([P + 'kubectl get pods '])
  })
})

describe('lines from elsewhere and background output', () => {
  it("shows the editor's line in place of the prompt and gives back what was being typed", async () => {
    const { screen, type, tab } = await setup()
    await type('kub')
    await tab.run('echo applied')
    await flush()
    expect(screen.lines()).toEqual([P + 'echo applied', 'applied', P + 'kub'])
  })

  it('shows output that arrives at a prompt above it, and draws the prompt again', async () => {
    const { screen, type, tab } = await setup()
    await type('kubectl get')
    tab.emit('[1]+  Done                    sleep 5\n')
    expect(screen.lines()).toEqual(['[1]+  Done                    sleep 5', P + 'kubectl get'])
  })
})

describe('nested sessions', () => {
  it('Ctrl-D on an empty line ends a shell opened by kubectl run -it, back to the host prompt', async () => {
    const { screen, type, tab } = await setup()
    await type('kubectl run box -it --image=busybox --restart=Never -- sh\r')
    for (let i = 0; i < 10 && tab.current() === tab.host; i++) {
      tab.advance(5_000)
      await flush()
    }
    expect(screen.lines().at(-1)).toBe('/ # ')
    await type('hostname\r')
    expect(screen.lines().slice(-2)).toEqual(['box', '/ # '])
    await type('\x04')
    // kubectl waits for the pod to complete, which the kubelet reports at its next relist (<= 1s).
    for (let i = 0; i < 10 && screen.lines().at(-1) !== P; i++) {
      tab.advance(250)
      await flush()
    }
    expect(screen.lines().slice(-3)).toEqual(['box', '/ # ', P])
  })

  it('Ctrl-D on an empty line in the host shell keeps it, as with ignoreeof', async () => {
    const { screen, type, tab } = await setup()
    const host = tab.current()
    await type('\x04')
    expect(screen.lines()).toEqual([P, 'Use "exit" to leave the shell.', P])
    expect(tab.current()).toBe(host)
  })

  it('Ctrl-D deletes the character under the cursor when the line is not empty', async () => {
    const { screen, type } = await setup()
    await type('ab\x01\x04')
    expect(screen.lines()).toEqual([P + 'b'])
  })
})

describe('resizing', () => {
  it('tells the shell the new width', async () => {
    const { driver, tab } = await setup()
    driver.resize(120.7)
    expect(tab.columns).toBe(120)
  })
})
