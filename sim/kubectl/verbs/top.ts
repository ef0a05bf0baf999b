// `kubectl top pod|node` (kubectl pkg/cmd/top). The lab cluster runs no metrics-server, as a fresh
// kubeadm cluster does not: after the arguments and selectors are checked, the command finds no
// metrics.k8s.io group in discovery and says `error: Metrics API not available` (exit 1). The checks
// come in kubectl's order: the number of names, --sort-by, a name together with a selector, then
// the selectors' syntax.

import { ApiError } from '../../api/errors'
import type { FlagSpec } from '../flags/pflag'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError, UsageError } from '../errors'
import { fieldSelectorTerms, parseLabelSelector } from '../selectors'
import { SELECTOR_FLAG } from '../mutate/flags'
import { parentCommand } from './parent-command'

const COMMON: readonly FlagSpec[] = [
  { name: 'no-headers', type: 'bool' },
  SELECTOR_FLAG,
  { name: 'sort-by', type: 'string' },
  { name: 'use-protocol-buffers', type: 'bool', default: 'true' },
]

const POD_FLAGS: readonly FlagSpec[] = [
  ...COMMON,
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'containers', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'sum', type: 'bool' },
]

const NODE_FLAGS: readonly FlagSpec[] = [...COMMON, { name: 'show-capacity', type: 'bool' }]

function checkArgs(inv: Invocation, use: string, bothMessage: string): void {
  if (inv.args.length > 1) throw new UsageError(inv.commandPath, use)
  const sortBy = inv.flags.string('sort-by')
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory')
  const selector = inv.flags.string('selector')
  if (inv.args.length === 1 && selector) throw new KubectlError(bothMessage)
  if (selector) onClient(() => parseLabelSelector(selector))
}

/** A selector parsed by kubectl itself: its error is kubectl's (`error: ...`), not the server's. */
function onClient(parse: () => void): void {
  try {
    parse()
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(e.message)
    throw e
  }
}

function metricsUnavailable(): never {
  throw new KubectlError('Metrics API not available')
}

const topPod: KubectlCommand = {
  name: 'pod',
  aliases: ['pods', 'po'],
  flags: POD_FLAGS,
  run(inv) {
    checkArgs(inv, 'pod [NAME | -l label]', 'only one of NAME or selector can be provided')
    const fields = inv.flags.string('field-selector')
    // Only the syntax is checked on the client; which fields a pod has would be the server's business.
    if (fields) onClient(() => fieldSelectorTerms(fields))
    metricsUnavailable()
  },
}

const topNode: KubectlCommand = {
  name: 'node',
  aliases: ['nodes', 'no'],
  flags: NODE_FLAGS,
  run(inv) {
    checkArgs(inv, 'node [NAME | -l label]', 'only one of NAME or --selector can be provided')
    metricsUnavailable()
  },
}

export const topCommand: KubectlCommand = parentCommand({
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  helpTo: 'stderr',
  subcommands: [topNode, topPod],
})
