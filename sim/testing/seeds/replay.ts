// Seed replays: a fixture holds a command sequence from one of the course seeds (real transcripts
// from real clusters) and the output the seed shows for it; `replaySeed` runs the commands in a fresh
// simulated cluster through the lab shell, as the headless runner does (scripts/sim-runner.ts) but with
// a terminal (the seeds' users typed at one, so `kubectl run -it` gets its TTY), and `normalise` blanks
// only what differs between any two real runs (see NORMALISERS).
//
// Fixture format (sim/testing/seeds/NNN-topic.txt):
//   - a header of `#` lines: where the sequence comes from, how it was adapted, what is left out and
//     why; `#! options {json}` lines give createSimulation options (nodes, IPs, seed, …) and are merged.
//   - then the transcript. A line starting with a prompt is a command whose output is compared:
//     `$ ` (the host shell), `/ # ` (busybox's root prompt in a pod), `# ` (dash's root prompt in a
//     pod). `% ` is a command that is run but whose output is not compared (setup, time passing the way
//     the seed's user let it pass: sleep, kubectl wait). `> ` lines continue the command above (a
//     heredoc body, as bash echoes it with PS2). `## ` lines are comments. Every other line is
//     expected output of the command above, byte for byte after normalisation.
//   - a line that is exactly `[…]` stands for lines the seed's author left out of the transcript
//     (the seed says so); it matches any lines, as few as possible.

import type { SimulationOptions } from '../../simulation'
import { createSimulation } from '../../simulation'
import { createLabShell } from '../../lab-shell'
import { headlessTime } from '../../shell/headless-time'
import { SessionStack } from '../../shell/driver'
import { NEVER } from '../../shell/cancel'

export interface SeedStep {
  /** The command as typed; heredoc bodies joined with newlines. */
  command: string
  compared: boolean
  /** Expected output lines (compared steps only). */
  expected: string[]
  /** 1-based line of the command in the fixture. */
  line: number
}

export interface SeedFixture {
  header: string[]
  options: SimulationOptions
  steps: SeedStep[]
}

export const ELLIPSIS = '[…]'
const COMPARED_PROMPTS = ['$ ', '/ # ', '# ']
const RUN_ONLY = '% '
const CONTINUATION = '> '

export function parseFixture(text: string): SeedFixture {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const header: string[] = []
  let i = 0
  for (; i < lines.length && isHeader(lines[i]); i++) header.push(lines[i])
  while (i < lines.length && lines[i] === '') i++
  let options: SimulationOptions = {}
  for (const h of header) if (h.startsWith('#! options ')) options = { ...options, ...(JSON.parse(h.slice('#! options '.length)) as SimulationOptions) }
  const steps: SeedStep[] = []
  for (; i < lines.length; i++) {
    const l = lines[i]
    if (l.startsWith('## ')) continue
    const compared = COMPARED_PROMPTS.find((p) => l.startsWith(p))
    if (compared !== undefined || l.startsWith(RUN_ONLY)) {
      let command = l.slice((compared ?? RUN_ONLY).length)
      while (i + 1 < lines.length && lines[i + 1].startsWith(CONTINUATION)) command += '\n' + lines[++i].slice(CONTINUATION.length)
      if (lines[i + 1] === '>') throw new Error(`fixture line ${i + 2}: an empty continuation line is "> " with its space`)
      steps.push({ command, compared: compared !== undefined, expected: [], line: i + 1 })
      continue
    }
    const step = steps[steps.length - 1]
    if (!step) throw new Error(`fixture line ${i + 1}: output before the first command`)
    if (!step.compared) throw new Error(`fixture line ${i + 1}: output after a "% " command, whose output is not compared`)
    step.expected.push(l)
  }
  return { header, options, steps }
}

/** Header lines: `#` alone, `# text`, `#! directive` — until the first transcript line. */
function isHeader(line: string): boolean {
  return line === '#' || line.startsWith('# ') || line.startsWith('#!')
}

/**
 * What may differ between two real runs of the same commands, and nothing else:
 *   - IPv4 addresses (pod, service and node IPs; an optional :port stays),
 *   - UIDs (also inside `pvc-<uid>` volume names),
 *   - resourceVersions,
 *   - controller-made name suffixes: ReplicaSet/ControllerRevision hashes and pod-name suffixes, which
 *     use apimachinery's rand.SafeEncodeString alphabet (no vowels, no 0/1/3),
 *   - timestamps (RFC 3339 and describe's RFC 1123Z),
 *   - AGE cells and other durations (`5m28s`, `112d`, `37s`).
 * Column widths are left alone: where a normalised value's width moves a column, the replay must
 * reproduce the width.
 */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789'
const NORMALISERS: readonly [RegExp, string][] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>'],
  [/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>'],
  [/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<time>'],
  [/\b(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g, '<ip>'],
  [/(resourceVersion"?:\s*"?)\d+/g, '$1<rv>'],
  [new RegExp(`(?<=[a-z0-9]-)[${SAFE}]{8,10}(-[${SAFE}]{5})?\\b`, 'g'), '<hash>'],
  [/(?<=^|[\s(])(\d+(y|d|h|m|s))+(?=$|[\s)])/gm, '<age>'],
]

export function normalise(text: string): string {
  return NORMALISERS.reduce((t, [re, to]) => t.replace(re, to), text)
}

/** Whether `actual` lines match `expected` lines, where an ELLIPSIS line matches any run of lines. */
export function linesMatch(expected: readonly string[], actual: readonly string[]): boolean {
  const at = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length
    if (expected[e] === ELLIPSIS) {
      for (let k = a; k <= actual.length; k++) if (at(e + 1, k)) return true
      return false
    }
    return a < actual.length && expected[e] === actual[a] && at(e + 1, a + 1)
  }
  return at(0, 0)
}

export interface StepResult {
  step: SeedStep
  output: string
}

/** Runs the fixture's commands, one at a time, in a fresh cluster; returns each command's output. */
export async function replaySeed(fixture: SeedFixture): Promise<StepResult[]> {
  const sim = createSimulation({ seed: 1, ...fixture.options })
  const stack = new SessionStack()
  const shell = createLabShell({ sim, tty: true, openSession: stack.openSession })
  stack.setRoot(shell)
  let out = ''
  const write = (t: string) => (out += t)
  const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
  const io = { stdout: write, stderr: write, cancel: NEVER, time }
  const results: StepResult[] = []
  for (const step of fixture.steps) {
    if (shell.ended) throw new Error(`fixture line ${step.line}: the shell has exited`)
    out = ''
    await stack.submit(step.command, io)
    sim.drain()
    results.push({ step, output: out })
  }
  shell.end(shell.state.status)
  return results
}

/** The output as fixture lines (a trailing newline ends the last line, as in the file). */
export function outputLines(output: string): string[] {
  const lines = output.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
