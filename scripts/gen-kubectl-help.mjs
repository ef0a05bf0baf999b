#!/usr/bin/env node
// Captures the `--help` text of every command of the real kubectl v1.33.1 (it answers offline) into
// sim/kubectl/help/generated/kubectl-help.json: {"rollout status": "<text>", ...}, and the scripts of
// `kubectl completion bash|zsh|fish|powershell` into completion-scripts.json. The emulated kubectl
// prints these texts verbatim, so they are the real program's words, not ours.
//
//   node scripts/gen-kubectl-help.mjs            # regenerate
//   node scripts/gen-kubectl-help.mjs --check    # exit 1 if the committed file differs
//   KUBECTL=/path/to/kubectl node scripts/gen-kubectl-help.mjs
//
// HOME is /root (the lab machine's home), so defaults such as --cache-dir read as they would there.

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'
const OUT = new URL('../sim/kubectl/help/generated/kubectl-help.json', import.meta.url)
const SCRIPTS = new URL('../sim/kubectl/help/generated/completion-scripts.json', import.meta.url)
const env = { HOME: '/root', PATH: '/usr/bin:/bin', KUBECONFIG: '/nonexistent', LANG: 'C' }
const run = (args) => execFileSync(KUBECTL, args, { env, encoding: 'utf8' })

const version = run(['version', '--client'])
if (!version.includes('Client Version: v1.33.1')) throw new Error(`expected kubectl v1.33.1, got:\n${version}`)

/** The names under "Available Commands:" in a help text. */
function subcommands(text) {
  const at = text.indexOf('\nAvailable Commands:\n')
  if (at < 0) return []
  const names = []
  for (const line of text.slice(at + '\nAvailable Commands:\n'.length).split('\n')) {
    const m = /^ {2}(\S+)\s/.exec(line)
    if (!m) break
    names.push(m[1])
  }
  return names
}

const help = {}
function walk(path) {
  const text = run([...path, '--help'])
  help[path.join(' ')] = text
  for (const s of subcommands(text)) walk([...path, s])
}

const root = run(['--help'])
help[''] = root
for (const line of root.split('\n')) {
  const m = /^ {2}([a-z-]+)\s{2,}/.exec(line)
  if (m) walk([m[1]])
}
// Not in the root list, but commands all the same.
help['options'] = run(['options'])

const scripts = {}
for (const shell of ['bash', 'zsh', 'fish', 'powershell']) scripts[shell] = run(['completion', shell])

const outputs = [
  [OUT, JSON.stringify(help, null, 1) + '\n'],
  [SCRIPTS, JSON.stringify(scripts, null, 1) + '\n'],
]
if (process.argv.includes('--check')) {
  for (const [file, json] of outputs) {
    const cur = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    if (cur !== json) {
      console.error(`${file.pathname} is out of date: run node scripts/gen-kubectl-help.mjs`)
      process.exit(1)
    }
  }
} else {
  for (const [file, json] of outputs) fs.writeFileSync(file, json)
  console.log(`wrote ${Object.keys(help).length} help texts and ${Object.keys(scripts).length} completion scripts`)
}
