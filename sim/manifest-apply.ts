// `sim.apply(yamlText)`: what `kubectl apply -f -` does with a manifest, for callers that are not a
// terminal (a lab's setup, tests, the runner's fixtures). It runs the real kubectl of the lab shell
// on a throwaway machine, so the outcomes and errors are exactly what a student would see.

import type { Simulation } from './simulation'
import { createLabShell } from './lab-shell'
import { createHostFs } from './shell/host'
import { headlessTime } from './shell/headless-time'
import { NEVER } from './shell/cancel'

export interface ApplyOutcome {
  /** `statefulset.apps/web`, as kubectl names it. */
  object: string
  action: 'created' | 'configured' | 'unchanged'
}

export interface ApplyResult {
  outcomes: ApplyOutcome[]
  /** Error lines as kubectl prints them on stderr (empty when everything applied). */
  errors: string[]
  /** Warning lines (`Warning: ...`). */
  warnings: string[]
  stdout: string
  stderr: string
  exitCode: number
}

const OUTCOME = /^(\S+) (created|configured|unchanged)$/

export async function applyManifest(sim: Simulation, text: string, opts: { namespace?: string } = {}): Promise<ApplyResult> {
  const fs = createHostFs(sim.now())
  fs.writeFile('/root/manifest.yaml', text, sim.now())
  const shell = createLabShell({ sim, fs, tty: false })
  let stdout = ''
  let stderr = ''
  const ns = opts.namespace ? ` -n ${opts.namespace}` : ''
  // Read from stdin so messages name STDIN, as `kubectl apply -f -` does.
  const exitCode = await shell.execute(`kubectl apply${ns} -f - < /root/manifest.yaml`, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cancel: NEVER,
    time: headlessTime(sim),
  })
  sim.drain()
  sim.notify()
  const outcomes: ApplyOutcome[] = []
  for (const line of stdout.split('\n')) {
    const m = OUTCOME.exec(line)
    if (m) outcomes.push({ object: m[1], action: m[2] as ApplyOutcome['action'] })
  }
  const lines = stderr.split('\n').filter((l) => l !== '')
  return {
    outcomes,
    errors: lines.filter((l) => !l.startsWith('Warning: ')),
    warnings: lines.filter((l) => l.startsWith('Warning: ')),
    stdout,
    stderr,
    exitCode,
  }
}
