// kubectl's command tree: every command a v1.33 kubectl has, in the order it adds them
// (pkg/cmd/cmd.go: the help groups, then alpha/config/plugin/version/api-versions/api-resources/
// options). The order matters: cobra lists "Did you mean this?" suggestions in it. Commands this
// simulator implements come from the verb registry; the others answer that they are not available.

import type { KubectlCommand } from './command'
import { KubectlError } from './errors'

const KUBECTL_COMMANDS: readonly { name: string; suggestFor?: string[]; hidden?: boolean }[] = [
  { name: 'create' },
  { name: 'expose' },
  { name: 'run' },
  { name: 'set' },
  { name: 'explain' },
  { name: 'get', suggestFor: ['list', 'ps'] },
  { name: 'edit' },
  { name: 'delete', suggestFor: ['rm'] },
  { name: 'rollout' },
  { name: 'scale' },
  { name: 'autoscale' },
  { name: 'certificate' },
  { name: 'cluster-info' },
  { name: 'top' },
  { name: 'cordon' },
  { name: 'uncordon' },
  { name: 'drain' },
  { name: 'taint' },
  { name: 'describe' },
  { name: 'logs' },
  { name: 'attach' },
  { name: 'exec' },
  { name: 'port-forward' },
  { name: 'proxy' },
  { name: 'cp' },
  { name: 'auth' },
  { name: 'debug' },
  { name: 'events' },
  { name: 'diff' },
  { name: 'apply' },
  { name: 'patch' },
  { name: 'replace' },
  { name: 'wait', suggestFor: ['list', 'ps'] },
  { name: 'kustomize' },
  { name: 'label' },
  { name: 'annotate' },
  { name: 'completion' },
  // alpha has no subcommands in this build, so it is hidden (and never suggested).
  { name: 'alpha', hidden: true },
  { name: 'config' },
  { name: 'plugin' },
  { name: 'version' },
  { name: 'api-versions' },
  { name: 'api-resources' },
  { name: 'options' },
]

function notAvailable(name: string): KubectlCommand {
  return {
    name,
    unavailable: true,
    run: () => {
      throw new KubectlError(`"kubectl ${name}" is not available in this simulator`)
    },
  }
}

/** The root's children: implemented verbs in kubectl's order, placeholders for the rest. */
export function buildCommandTree(verbs: readonly KubectlCommand[]): KubectlCommand[] {
  const byName = new Map(verbs.map((v) => [v.name, v]))
  const out: KubectlCommand[] = KUBECTL_COMMANDS.map((c) => ({
    ...(byName.get(c.name) ?? notAvailable(c.name)),
    suggestFor: c.suggestFor,
    hidden: c.hidden,
  }))
  // Verbs kubectl does not have (none today) go last.
  for (const v of verbs) if (!KUBECTL_COMMANDS.some((c) => c.name === v.name)) out.push(v)
  return out
}
