// `kubectl cordon` / `uncordon` (kubectl pkg/cmd/drain/drain.go NewCmdCordon, RunCordonOrUncordon;
// pkg/drain/cordon.go): find the nodes (names or -l), then set spec.unschedulable with a strategic
// merge patch, printing `node/k8s-node1 cordoned` or `node/k8s-node1 already cordoned`. A failed
// patch is reported (`error: unable to cordon node ...`) and the command goes on with exit code 0.
// The node lifecycle controller adds the node.kubernetes.io/unschedulable taint; `get nodes` shows
// SchedulingDisabled.

import type { Obj } from '../../api/types'

type Node = Obj<'Node'>
import type { KubectlCommand, Invocation } from '../command'
import { KubectlError, UsageError } from '../errors'
import { DRY_RUN_FLAG, type DryRun, dryRunStrategy, dryRunSuffix, SELECTOR_FLAG } from '../mutate/flags'
import { nameLine } from '../printers/name'
import { mappingFor } from '../resource-mapping'
import { parseLabelSelector } from '../selectors'

/** Complete's argument checks, shared with drain. */
export function checkNodeArgs(inv: Invocation, use: string): void {
  if (inv.args.length === 0 && !inv.flags.changed('selector')) throw new UsageError(inv.commandPath, `USAGE: ${use} [flags]`)
  if (inv.args.length > 0 && inv.flags.string('selector')) throw new UsageError(inv.commandPath, 'error: cannot specify both a node name and a --selector option')
}

/**
 * The Builder of Complete: ResourceNames("nodes", args...) or -l over nodes, without ContinueOnError,
 * so the first error (an unknown node) ends the command before anything is changed.
 */
export function resolveNodes(inv: Invocation): Node[] {
  const selector = inv.flags.string('selector')
  if (selector) return inv.api.list('Node', { selector: parseLabelSelector(selector) }) as Node[]
  return inv.args.map((arg) => {
    const slash = arg.indexOf('/')
    const mapping = slash < 0 ? mappingFor('nodes') : mappingFor(arg.slice(0, slash))
    const name = slash < 0 ? arg : arg.slice(slash + 1)
    const { namespace } = inv.namespace()
    const obj = inv.api.read(mapping.kind, mapping.namespaced ? namespace : '', name)
    if (mapping.kind !== 'Node') throw new KubectlError(`error: expected resource of type node, got "${mapping.group}/${mapping.version}, Resource=${mapping.resource}"`)
    return obj as Node
  })
}

/** RunCordonOrUncordon: one line per node; patch failures go to stderr and do not fail the command. */
export function cordonOrUncordon(inv: Invocation, nodes: readonly Node[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon'
  const suffix = dryRunSuffix(dryRun)
  for (const node of nodes) {
    if (!!node.spec?.unschedulable === desired) {
      inv.out(nameLine(node, `already ${verb}ed${suffix}`))
      continue
    }
    if (dryRun !== 'client') {
      try {
        // CreateTwoWayMergePatch: false is omitted from the JSON, so uncordoning deletes the field.
        inv.api.patch('Node', '', node.metadata!.name!, 'strategic', { spec: { unschedulable: desired ? true : null } }, { actor: 'kubectl', dryRun: dryRun === 'server' })
      } catch (e) {
        if (!(e instanceof Error)) throw e
        inv.err(`error: unable to ${verb} node "${node.metadata!.name}": ${e.message}\n`)
        continue
      }
    }
    inv.out(nameLine(node, `${verb}ed${suffix}`))
  }
}

function cordonCommand(name: 'cordon' | 'uncordon', short: string): KubectlCommand {
  return {
    name,
    short,
    flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
    run(inv) {
      checkNodeArgs(inv, `${name} NODE`)
      const dryRun = dryRunStrategy(inv)
      const nodes = resolveNodes(inv)
      cordonOrUncordon(inv, nodes, name === 'cordon', dryRun)
      return 0
    },
  }
}

export const cordonVerb = cordonCommand('cordon', 'Mark node as unschedulable')
export const uncordonVerb = cordonCommand('uncordon', 'Mark node as schedulable')
