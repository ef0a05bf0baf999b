// The lab shell's pipelines whose first member keeps running: a line filter passes lines on as they come (a live
// `kubectl get pods -w | grep web`), while programs that read their input whole wait for the end.

import { describe, expect, it } from 'vitest'
import { applyWeb } from './testing/fixtures'
import { CancelSource, NEVER } from './shell/cancel'
import { headlessTime } from './shell/headless-time'
import { runScript, testShell } from './shell/test-shell'
import { labCommands } from './lab-shell'

/** Runs one command line; every write to the terminal is kept with the simulated time it came at. */
async function timed(line: string, replicas = 3) {
  const shell = testShell({ commands: labCommands() })
  const sim = shell.state.env.sim
  applyWeb(sim, { replicas })
  const writes: { at: number; text: string }[] = []
  const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
  const sink = (text: string) => writes.push({ at: sim.now(), text })
  const start = sim.now()
  await shell.execute(line, { stdout: sink, stderr: sink, cancel: NEVER, time })
  return { writes, start, end: sim.now(), status: shell.state.status, text: writes.map((w) => w.text).join('') }
}

describe('pipelines with a running writer', () => {
  it('shows the lines grep selects from a watch as they come, not when the watch ends', async () => {
    const { writes, start, end, text, status } = await timed('kubectl get pods -w | grep web-2')
    const lines = text.split('\n').filter(Boolean)
    // web-2 is seen Pending, ContainerCreating and Running, each on its own line, at its own time.
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const l of lines) expect(l).toMatch(/^web-2 /)
    expect(lines.some((l) => /\bRunning\b/.test(l))).toBe(true)
    const times = writes.map((w) => w.at)
    expect(new Set(times).size).toBeGreaterThanOrEqual(2)
    expect(times[0]).toBeLessThan(end)
    expect(times[0]).toBeGreaterThan(start)
    expect(status).toBe(0)
  })

  it('numbers the lines grep -n passes on across the chunks it gets', async () => {
    const { text } = await timed('kubectl get pods -w | grep -n web-0')
    const numbers = text
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.slice(0, l.indexOf(':'))))
    expect(numbers.length).toBeGreaterThanOrEqual(2)
    // Line 1 is the header, so web-0's lines are 2 and later, in increasing order.
    expect(numbers[0]).toBeGreaterThan(1)
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('paints the matches as it passes the lines on, with --color=always', async () => {
    const { text } = await timed('kubectl get pods -w | grep --color=always --line-buffered web-1')
    const lines = text.split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    // GNU grep's default match colour (GREP_COLORS ms=01;31), then erase-in-line.
    const painted = '\x1b[01;31m\x1b[Kweb-1\x1b[m\x1b[K '
    for (const l of lines) expect(l.startsWith(painted)).toBe(true)
  })

  it('passes a watch through tee (to the terminal and the file) and cat as it comes', async () => {
    const teed = await timed('kubectl get pods -w | tee pods.log')
    expect(new Set(teed.writes.map((w) => w.at)).size).toBeGreaterThanOrEqual(2)
    expect(teed.text).toMatch(/^NAME +READY/)
    const all = await timed('kubectl get pods -w')
    expect(teed.text).toBe(all.text)
    const catted = await timed('kubectl get pods -w | cat')
    expect(new Set(catted.writes.map((w) => w.at)).size).toBeGreaterThanOrEqual(2)
    expect(catted.text).toBe(all.text)
  })

  it('leaves in the file tee writes what it passed on, also with -a after an earlier line', async () => {
    const shell = testShell({ commands: labCommands() })
    const sim = shell.state.env.sim
    applyWeb(sim, { replicas: 2 })
    const r = await runScript('echo first > pods.log\nkubectl get pods -w | tee -a pods.log > /dev/null\ncat pods.log', shell)
    const lines = r.output.split('\n').filter(Boolean)
    expect(lines[0]).toBe('first')
    expect(lines[1]).toMatch(/^NAME +READY/)
    expect(lines.some((l) => /^web-1 +1\/1 +Running/.test(l))).toBe(true)
  })

  it('gives a program that reads its input whole all of it, once the watch is over', async () => {
    const counted = await timed('kubectl get pods -w | wc -l')
    expect(counted.writes).toHaveLength(1)
    expect(counted.writes[0].at).toBe(counted.end)
    const all = await timed('kubectl get pods -w')
    expect(counted.text.trim()).toBe(String(all.text.split('\n').filter(Boolean).length))
  })

  it('keeps grep -c to one count at the end', async () => {
    const { writes, end, text } = await timed('kubectl get pods -w | grep -c Running')
    expect(writes).toHaveLength(1)
    expect(writes[0].at).toBe(end)
    expect(Number(text.trim())).toBeGreaterThanOrEqual(3)
  })

  it('stops the whole line at Ctrl-C, keeping what grep already showed', async () => {
    const shell = testShell({ commands: labCommands() })
    const sim = shell.state.env.sim
    applyWeb(sim, { replicas: 3 })
    const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
    const ctrlC = new CancelSource()
    let text = ''
    // The student presses Ctrl-C as soon as web-1 shows up.
    const sink = (t: string) => {
      text += t
      if (t.includes('web-1')) ctrlC.cancel()
    }
    const status = await shell.execute('kubectl get pods -w | grep web', { stdout: sink, stderr: sink, cancel: ctrlC.token, time })
    expect(status).toBe(130)
    expect(text).toMatch(/^web-0 /m)
    expect(text).toMatch(/^web-1 /m)
    expect(text).not.toMatch(/web-2/)
    let after = ''
    await shell.execute('echo still here', { stdout: (t) => (after += t), stderr: (t) => (after += t), cancel: NEVER, time })
    expect(after).toBe('still here\n')
  })

  it('ends a watch piped to head once head has its lines: the watch dies at its next write (SIGPIPE)', async () => {
    const r = await timed('kubectl get pods -w | head -3; echo rc=$?', 3)
    const lines = r.text.split('\n').filter(Boolean)
    expect(lines[0]).toMatch(/^NAME +READY +STATUS/)
    expect(lines.slice(1, 3).every((l) => /^web-\d /.test(l))).toBe(true)
    expect(lines.slice(3)).toEqual(['rc=0'])
    // The line ended while the pods were still coming up (a watch to the end waits for all three).
    const whole = await timed('kubectl get pods -w | wc -l', 3)
    expect(r.end).toBeLessThan(whole.end)
    // kubectl itself ended with SIGPIPE: 128+13, which pipefail reports.
    expect((await timed('set -o pipefail; kubectl get pods -w | head -3 > /dev/null; echo rc=$?', 3)).text).toBe('rc=141\n')
  })

  it('exits with the status of the last member, and pipefail with the last failure', async () => {
    expect((await timed('kubectl get pods -w | grep nothing-like-this')).status).toBe(1)
    expect((await timed('kubectl get pods --bogus | grep web')).status).toBe(1)
    expect((await timed('set -o pipefail; kubectl get pods --bogus | grep -c web')).status).toBe(1)
    expect((await timed('false | true')).status).toBe(0)
    expect((await timed('set -o pipefail; false | true')).status).toBe(1)
  })
})
