// The headless runner: `npm run --silent sim -- FILE` (or `-` for stdin) runs a shell script in a
// fresh simulated cluster, one command at a time as a person would type them, and prints a
// transcript: `$ <command>` then its output. Virtual time passes only when a command lets it pass
// (`sleep 5`, `kubectl wait`). Options: --seed N, --settle (settle after every command), --yaml
// (dump the final cluster as multi-document YAML). Exits 0 unless the runner itself failed.

import { readFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { createLabShell, createSimulation, decodeBytes, encodeText, headlessTime, KINDS, NEVER, SessionStack, splitScript } from '../sim/index'

const USAGE = 'usage: npm run --silent sim -- [--seed N] [--settle] [--yaml] FILE|-\n'

interface Args {
  file: string
  seed: number | undefined
  settle: boolean
  yaml: boolean
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { file: '', seed: undefined, settle: false, yaml: false }
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]
    if (x === '--seed') {
      const v = argv[++i]
      if (v === undefined || !/^-?[0-9]+$/.test(v)) return `sim: --seed needs an integer\n${USAGE}`
      a.seed = Number(v)
    } else if (x.startsWith('--seed=')) {
      if (!/^-?[0-9]+$/.test(x.slice(7))) return `sim: --seed needs an integer\n${USAGE}`
      a.seed = Number(x.slice(7))
    } else if (x === '--settle') a.settle = true
    else if (x === '--yaml') a.yaml = true
    else if (x === '-h' || x === '--help') return USAGE
    else if (x.startsWith('--') || (x.startsWith('-') && x !== '-')) return `sim: unknown option ${x}\n${USAGE}`
    else if (a.file) return `sim: one script at a time\n${USAGE}`
    else a.file = x
  }
  return a.file ? a : USAGE
}

function write(text: string): void {
  if (text) process.stdout.write(encodeText(text))
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    process.stderr.write(args)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = readFileSync(args.file === '-' ? 0 : args.file)
  } catch (e) {
    process.stderr.write(`sim: cannot read ${args.file}: ${(e as Error).message}\n`)
    return 2
  }
  const sim = createSimulation(args.seed === undefined ? {} : { seed: args.seed })
  const stack = new SessionStack()
  // The lab shell: the same host shell and kubectl as the browser's terminal and the lab checks.
  const shell = createLabShell({ sim, tty: false, openSession: stack.openSession })
  stack.setRoot(shell)
  const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
  const io = { stdout: write, stderr: write, cancel: NEVER, time }
  for (const cmd of splitScript(decodeBytes(bytes), (text) => stack.current().needsMore(text))) {
    // After `exit` bash reads no more of the script.
    if (shell.ended) break
    write(`$ ${cmd.firstLine}\n`)
    await stack.submit(cmd.text, io)
    if (args.settle) sim.settle()
    else sim.drain()
  }
  shell.end(shell.state.status)
  if (args.yaml) {
    const snap = sim.snapshot()
    for (const k of KINDS) {
      for (const obj of snap.objects[k.kind]) write('---\n' + stringify(obj, { version: '1.1', indentSeq: false, sortMapEntries: true, lineWidth: 0 }))
    }
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(70)
  },
)
