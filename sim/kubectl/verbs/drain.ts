// `kubectl drain` (kubectl pkg/cmd/drain/drain.go RunDrain, pkg/drain/drain.go): cordon the node,
// pick its pods (drain-filters.ts), then evict them all at once through the eviction subresource
// (PodDisruptionBudget-aware): `evicting pod default/web-0`, and once each is gone `pod/web-0
// evicted`. A 429 from a budget is retried every 5 s with kubectl's stderr line. --disable-eviction
// deletes instead; --timeout bounds the whole wait. Upstream runs one goroutine per pod; here each
// pod is a small state machine stepped in list order whenever its next moment comes, and time passes
// through ctx.time so the cluster (kubelets, PDB controller) moves on in between.

import { parseSelector } from '../../api/selectors'
import type { Obj } from '../../api/types'
import type { KubectlCommand, Invocation } from '../command'
import { RawError, KubectlError } from '../errors'
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix, SELECTOR_FLAG } from '../mutate/flags'
import { nameLine } from '../printers/name'
import { checkNodeArgs, cordonOrUncordon, resolveNodes } from './cordon'
import { podsForDeletion } from './drain-filters'
import { type DrainError, type DrainOptions, stepPods, type StepOutcome } from './drain-steps'

type Pod = Obj<'Pod'>

function aggregateText(e: DrainError): string {
  const uniq = [...new Set(e.messages)]
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`
}

function options(inv: Invocation): DrainOptions {
  const f = inv.flags
  return {
    force: f.bool('force'),
    ignoreDaemonSets: f.bool('ignore-daemonsets'),
    deleteEmptyDirData: f.bool('delete-emptydir-data'),
    gracePeriodSeconds: f.int('grace-period'),
    timeoutMs: f.duration('timeout'),
    podSelector: f.string('pod-selector'),
    disableEviction: f.bool('disable-eviction'),
    skipWaitForDeleteTimeoutSeconds: f.int('skip-wait-for-delete-timeout'),
    dryRun: 'none',
  }
}

/** GetPodsForDeletion: the node's pods in every namespace (spec.nodeName, --pod-selector), filtered. */
function podsOnNode(inv: Invocation, node: string, o: DrainOptions) {
  const selector = o.podSelector ? parseSelector(o.podSelector) : undefined
  const pods = inv.api.list('Pod', { selector, fields: { 'spec.nodeName': node } }) as Pod[]
  return podsForDeletion(pods, {
    ...o,
    now: inv.now(),
    // No DaemonSets are served here, so a pod that names one has lost it.
    daemonSetExists: () => false,
  })
}

/** WarningPrinter: `Warning: ...` on stderr, the word in bold yellow on a terminal. */
function printWarning(inv: Invocation, message: string): void {
  inv.err(inv.ctx.tty ? `\x1b[33;1mWarning:\x1b[0m ${message}\n` : `Warning: ${message}\n`)
}

/** deleteOrEvictPodsSimple: undefined when the node is drained. */
async function drainNode(inv: Invocation, node: string, o: DrainOptions): Promise<DrainError | StepOutcome> {
  const list = podsOnNode(inv, node, o)
  if (list.errors.length) return { messages: list.errors, aggregate: true }
  if (list.warnings) printWarning(inv, list.warnings)
  if (o.dryRun === 'client') {
    for (const pod of list.pods) inv.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`)
    return 'done'
  }
  const result = await stepPods(inv, list.pods, o)
  if (typeof result === 'string') return result
  if (result.messages.length === 0) return 'done'
  const pending = podsOnNode(inv, node, o)
  if (pending.pods.length) {
    inv.err(`There are pending pods in node "${node}" when an error occurred: ${aggregateText(result)}\n`)
    for (const p of pending.pods) inv.err(`pod/${p.metadata.name}\n`)
  }
  if (pending.errors.length) inv.err(`Following errors occurred while getting the list of pods to delete:\n${aggregateText({ messages: pending.errors, aggregate: true })}`)
  return result
}

async function run(inv: Invocation): Promise<number> {
  checkNodeArgs(inv, 'drain NODE')
  const o = options(inv)
  o.dryRun = dryRunStrategy(inv)
  if (o.podSelector) {
    try {
      parseSelector(o.podSelector)
    } catch {
      throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector')
    }
  }
  const nodes = resolveNodes(inv)
  cordonOrUncordon(inv, nodes, true, o.dryRun)
  const fatal: DrainError[] = []
  const remaining: string[] = []
  for (const node of nodes) {
    const name = node.metadata!.name!
    const r = await drainNode(inv, name, o)
    if (r === 'cancelled' || r === 'settled') return 1
    if (r === 'done') {
      inv.out(nameLine(node, `drained${dryRunSuffix(o.dryRun)}`))
      continue
    }
    inv.err(`error: unable to drain node "${name}" due to error: ${aggregateText(r)}, continuing command...\n`)
    fatal.push(r)
    remaining.push(name)
  }
  if (remaining.length) inv.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`)
  if (fatal.length === 0) return 0
  // checkErr unwraps one aggregate of one; what is left prints one message a line (MultipleErrors).
  if (fatal.length === 1 && !fatal[0].aggregate) throw new KubectlError(fatal[0].messages[0])
  const lines = fatal.length === 1 ? fatal[0].messages : fatal.map(aggregateText)
  throw new RawError(lines.join('\n') + '\n')
}

export const drainVerb: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: [
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: '-1' },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: '0' },
    { name: 'chunk-size', type: 'int64', default: '500' },
    DRY_RUN_FLAG,
    SELECTOR_FLAG,
  ],
  run,
}

