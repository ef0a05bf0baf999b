// The `--help` texts of kubectl v1.33.1, for every command it has (generated/kubectl-help.json,
// captured from the real binary by scripts/gen-kubectl-help.mjs). A verb may carry its own `help`;
// otherwise kubectl prints the captured text, so `kubectl rollout status -h`, `kubectl help drain` and
// even `kubectl top --help` (a command this simulator does not run) read as in a real terminal.
// The texts are ~260 kB, so they are loaded on the first request for help.

import type { Invocation } from '../command'
import { RawError, UsageError } from '../errors'

type HelpTexts = Record<string, string>

let texts: Promise<HelpTexts> | undefined

function load(): Promise<HelpTexts> {
  texts ??= import('./generated/kubectl-help.json').then((m) => ((m as { default?: HelpTexts }).default ?? m) as HelpTexts)
  return texts
}

/** The path of a command below `kubectl`: `kubectl rollout status` → `rollout status`; the root is ''. */
export function helpKey(commandPath: string): string {
  return commandPath.replace(/^kubectl\b ?/, '')
}

/** The real kubectl's help for a command path (`kubectl rollout status` or `rollout status`). */
export async function loadHelp(commandPath: string): Promise<string | undefined> {
  const all = await load()
  const key = helpKey(commandPath)
  return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : undefined
}


/**
 * cmdutil.DefaultSubCommandRun, for a parent command run on its own (`kubectl set`, `kubectl create
 * secret`): its help on stderr and exit status 1; an argument there is an unknown command.
 */
export async function defaultSubCommandRun(inv: Invocation): Promise<number> {
  if (inv.args.length) throw new UsageError(inv.commandPath, `unknown command ${JSON.stringify(inv.args[0])}`)
  throw new RawError(((await loadHelp(inv.commandPath)) ?? '').replace(/\n$/, ''), 1)
}
