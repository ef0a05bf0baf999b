// The host and container sessions as the terminal drives them: prompt, continuation, history, exit,
// Ctrl-C, background jobs, the editor hook, nested sessions and the command registry.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation'
import { MemFs } from '../storage/memfs'
import { CancelSource, NEVER } from './cancel'
import { SessionStack } from './driver'
import { headlessTime } from './headless-time'
import { createContainerShell, createHostShell } from './host'
import { CommandRegistry } from './registry'
import { runScript, testShell } from './test-shell'
import type { Command, ShellSession, TimeControl } from './types'

function io(shell: { state: { env: { sim: ReturnType<typeof createSimulation> } } }, time?: TimeControl) {
  const out: string[] = []
  return {
    out,
    text: () => out.join(''),
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cancel: NEVER, time: time ?? headlessTime(shell.state.env.sim) },
  }
}

describe('the host prompt', () => {
  it('is Debian root’s PS1 on k8s-master', () => {
    expect(testShell().prompt()).toBe('root@k8s-master:~# ')
  })

  it('shows the working directory, with ~ for home', async () => {
    const shell = testShell()
    await runScript('mkdir -p /root/app; cd /root/app', shell)
    expect(shell.prompt()).toBe('root@k8s-master:~/app# ')
    await runScript('cd /tmp', shell)
    expect(shell.prompt()).toBe('root@k8s-master:/tmp# ')
  })
})

describe('needsMore', () => {
  it.each(['echo "abc', "cat <<EOF\nkind: Pod", 'for i in 0 1 2; do', 'echo a \\', 'echo a |', 'if true; then', 'echo $(date'])('asks for more after %j', (line) => {
    expect(testShell().needsMore(line)).toBe(true)
  })

  it.each(['echo abc', 'cat <<EOF\nkind: Pod\nEOF', 'for i in 0 1 2; do echo $i; done', 'done', 'echo a \\\nb', ''])('runs %j as it is', (line) => {
    expect(testShell().needsMore(line)).toBe(false)
  })
})

describe('history and exit', () => {
  it('numbers the commands typed, including the current one', async () => {
    const shell = testShell()
    const { text, io: o } = io(shell)
    await shell.execute('echo a', o)
    await shell.execute('history', o)
    expect(text()).toBe('a\n    1  echo a\n    2  history\n')
  })

  it('ends the session on exit and prints exit like bash', async () => {
    const shell = testShell()
    const { text, io: o } = io(shell)
    expect(await shell.execute('exit 3', o)).toBe(3)
    expect([shell.ended, shell.exitCode, text()]).toEqual([true, 3, 'exit\n'])
  })
})

describe('Ctrl-C', () => {
  it('interrupts sleep and abandons the rest of the line with status 130', async () => {
    const shell = testShell()
    const cancel = new CancelSource()
    const sim = shell.state.env.sim
    const time: TimeControl = {
      now: () => sim.now(),
      sleep: async () => {
        cancel.cancel()
        return false
      },
      until: async () => false,
    }
    const out: string[] = []
    const status = await shell.execute('sleep 10; echo after', { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cancel: cancel.token, time })
    expect([status, out]).toEqual([130, []])
  })
})

describe('sleep', () => {
  it('lets virtual time pass in the headless runner', async () => {
    const shell = testShell()
    const sim = shell.state.env.sim
    const before = sim.now()
    await runScript('sleep 1m; sleep 0.5; sleep 2 3', shell)
    expect(sim.now() - before).toBe(65_500)
  })
})

describe('background jobs', () => {
  it('reports the job, and its end at the next prompt', async () => {
    const shell = testShell()
    const r = await runScript('sleep 5 &\nsleep 10', shell)
    expect(r.output).toBe('[1] 4100\n[1]+  Done                    sleep 5\n')
  })

  it('lists running jobs and stops them with kill %1', async () => {
    const shell = testShell()
    const r = await runScript('sleep 100 &\njobs\nkill %1\njobs', shell)
    expect(r.output).toBe('[1] 4100\n[1]+  Running                 sleep 100 &\n[1]+  Terminated              sleep 100\n')
  })

  it('does not move the clock by itself', async () => {
    const shell = testShell()
    const before = shell.state.env.sim.now()
    await runScript('sleep 100 &', shell)
    expect(shell.state.env.sim.now()).toBe(before)
  })
})

describe('vi and nano', () => {
  it('open the file in the editor and write what was saved', async () => {
    const seen: [string, string][] = []
    const shell = testShell({
      editor: {
        edit: async (path, content) => {
          seen.push([path, content])
          return content + 'replicas: 3\n'
        },
      },
    })
    const r = await runScript("echo 'kind: StatefulSet' > web.yaml\nvi web.yaml\ncat web.yaml\nnano new.yaml\ncat new.yaml", shell)
    expect(seen).toEqual([
      ['/root/web.yaml', 'kind: StatefulSet\n'],
      ['/root/new.yaml', ''],
    ])
    expect(r.output).toBe('kind: StatefulSet\nreplicas: 3\nreplicas: 3\n')
  })

  it('leave the file alone when the editor is closed without saving', async () => {
    const shell = testShell({ editor: { edit: async () => undefined } })
    expect((await runScript('echo x > f; vim f; cat f', shell)).output).toBe('x\n')
  })

  it('say that there is no editor in the headless runner', async () => {
    const r = await runScript('vi web.yaml')
    expect([r.status, r.output]).toEqual([1, 'vi: the editor is not available here (no screen); write files with cat <<EOF > FILE ... EOF instead\n'])
  })
})

describe('watch', () => {
  it('shows one screen under the procps header without a terminal', async () => {
    const r = await runScript('watch -n 5 echo hi')
    expect(r.output).toBe('Every 5.0s: echo hi' + ' '.repeat(80 - 19 - 36) + 'k8s-master: Mon Mar  3 09:00:00 2025\n\nhi\n')
  })

  it('repeats every interval on a terminal until Ctrl-C', async () => {
    const shell = testShell({ tty: true })
    const sim = shell.state.env.sim
    const cancel = new CancelSource()
    let sleeps = 0
    const time: TimeControl = {
      now: () => sim.now(),
      sleep: async (ms) => {
        sim.advance(ms)
        if (++sleeps === 3) cancel.cancel()
        return !cancel.cancelled
      },
      until: async () => false,
    }
    const out: string[] = []
    const status = await shell.execute('watch date', { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cancel: cancel.token, time })
    expect(status).toBe(130)
    expect(out.map((s) => s.split('\n')[2])).toEqual(['Mon Mar  3 09:00:00 UTC 2025', 'Mon Mar  3 09:00:02 UTC 2025', 'Mon Mar  3 09:00:04 UTC 2025'])
    expect(out.every((s) => s.startsWith('\x1b[H\x1b[2JEvery 2.0s: date'))).toBe(true)
  })
})

describe('clear and help', () => {
  it('clear writes what ncurses clear writes for xterm', async () => {
    // `TERM=xterm-256color clear | od -c` → 033 [ H 033 [ 2 J 033 [ 3 J
    expect((await runScript('clear')).output).toBe('\x1b[H\x1b[2J\x1b[3J')
  })

  it('help answers in the language of the page', async () => {
    expect((await runScript('help', testShell({ lang: 'en' }))).output).toContain('kubectl')
    expect((await runScript('help', testShell({ lang: 'zh' }))).output).toContain('在编辑器中打开文件')
  })
})

describe('curl', () => {
  it('fails to connect while nothing listens', async () => {
    const r = await runScript('curl localhost:8001/api; echo $?')
    expect(r.output).toBe("curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n7\n")
  })

  it('cannot resolve cluster names from the host', async () => {
    expect((await runScript('curl -s http://web-0.nginx; echo $?')).output).toBe('6\n')
  })
})

describe('the command registry', () => {
  it('has a kubectl placeholder until the real one is added', async () => {
    expect((await runScript('kubectl get pods; echo $?')).output).toBe('error: kubectl is not available yet\n1\n')
  })

  it('takes kubectl with one line', async () => {
    const shell = testShell()
    shell.commands.add({ name: 'kubectl', run: (ctx) => (ctx.stdout(`kubectl ${ctx.argv.slice(1).join(' ')}\n`), 0) })
    expect((await runScript('kubectl get pods | wc -l; type kubectl', shell)).output).toBe('1\nkubectl is /usr/bin/kubectl\n')
  })
})

describe('completion', () => {
  it('completes command names in command position', () => {
    const shell = testShell()
    expect(shell.complete('ech', 3)).toEqual(['echo'])
    expect(shell.complete('ls | gr', 7)).toEqual(['grep'])
  })

  it('completes file names, marking directories', async () => {
    const shell = testShell()
    await runScript('touch web.yaml web-svc.yaml; mkdir webdir', shell)
    expect(shell.complete('cat we', 6)).toEqual(['web-svc.yaml', 'web.yaml', 'webdir/'])
    expect(shell.complete('cd we', 5)).toEqual(['webdir/'])
  })

  it('lets a command complete its own arguments', () => {
    const shell = testShell()
    const kubectl: Command = {
      name: 'kubectl',
      run: () => 0,
      complete: (req) => ['get', 'describe', 'delete'].filter((v) => req.words.length === 2 && v.startsWith(req.current)),
    }
    shell.commands.add(kubectl)
    expect(shell.complete('kubectl de', 10)).toEqual(['delete', 'describe'])
  })

  it('completes variables after $', () => {
    expect(testShell().complete('echo $HO', 8)).toEqual(['$HOME', '$HOSTNAME'])
  })
})

describe('a container shell', () => {
  function container() {
    const sim = createSimulation({ seed: 7, strict: true })
    const fs = MemFs.from({ '/etc/hostname': 'web-0\n' })
    const hostname: Command = { name: 'hostname', run: (ctx) => (ctx.stdout('web-0\n'), 0) }
    return createContainerShell({ sim, fs, commands: new CommandRegistry([hostname], '/bin'), hostname: 'web-0', strict: true })
  }

  it('has busybox’s prompt and wording', async () => {
    const shell = container()
    expect(shell.prompt()).toBe('/ # ')
    // busybox shell/ash.c: "%s: not found", "can't cd to %s" + strerror, "can't open %s: no such file".
    const r = await runScript('hostname\nnslookup web-0; echo $?\ncd /nope; echo $?\ncat < /nope\nexit', shell as never)
    expect(r.output).toBe("web-0\nsh: nslookup: not found\n127\nsh: cd: can't cd to /nope: No such file or directory\n2\nsh: can't open /nope: no such file\n")
    expect(shell.ended).toBe(true)
  })
})

describe('nested sessions', () => {
  it('send the next lines to the session a command opened, until it exits', async () => {
    const sim = createSimulation({ seed: 7, strict: true })
    const stack = new SessionStack()
    const host = createHostShell({ sim, tty: false, strict: true, openSession: stack.openSession })
    stack.setRoot(host)
    const inner = createContainerShell({ sim, fs: new MemFs(), commands: new CommandRegistry(), hostname: 'web-0', strict: true })
    host.commands.add({ name: 'kubectl', run: async (ctx) => ctx.openSession!(inner as ShellSession) })
    const { text, io: o } = io(host)
    for (const line of ['kubectl exec -it web-0 -- sh', 'echo inside $HOSTNAME', 'exit 4', 'echo back $?']) await stack.submit(line, o)
    expect(text()).toBe('inside web-0\nback 4\n')
  })
})

describe('a pipeline interrupted by Ctrl-C', () => {
  it('still passes what was printed to the rest of the pipeline', async () => {
    const shell = testShell()
    const cancel = new CancelSource()
    shell.commands.add({
      name: 'kubectl',
      run: async (ctx) => {
        ctx.stdout('NAME    READY\nweb-0   1/1\nother   1/1\n')
        cancel.cancel()
        return 130
      },
    })
    const out: string[] = []
    const status = await shell.execute('kubectl get pods -w | grep web; echo never', { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cancel: cancel.token, time: headlessTime(shell.state.env.sim) })
    expect([status, out.join('')]).toEqual([130, 'web-0   1/1\n'])
  })
})

describe('the lab machine', () => {
  it('is an Ubuntu 22.04 host: its release files agree with its kernel', async () => {
    const r = await runScript('. /etc/os-release; echo "$PRETTY_NAME|$VERSION_CODENAME|$ID_LIKE"\ngrep DESCRIPTION /etc/lsb-release\nuname -r')
    expect(r.output).toBe('Ubuntu 22.04.5 LTS|jammy|debian\nDISTRIB_DESCRIPTION="Ubuntu 22.04.5 LTS"\n5.15.0-131-generic\n')
  })
})
