// `kubectl taint` (kubectl pkg/cmd/taint/taint.go Complete, Validate, RunTaint): node names (or --all,
// or -l) first, then taint changes; each node gets its new taint list (taint-spec.ts) and kubectl says
// `node/<name> tainted`, `untainted` or `modified`. Nodes that cannot be changed (a taint already there
// without --overwrite, a removal not found, a node that does not exist) are reported after the others,
// as the Builder's ContinueOnError gathers them. The scheduler and the node lifecycle controller act
// on the taints as on any others.

import type { Obj } from '../../api/types'
import type { Invocation, KubectlCommand } from '../command'
import { AggregateError, KubectlError, UsageError } from '../errors'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, OUTPUT_FLAGS, SELECTOR_FLAG, serverDryRun, VALIDATE_FLAG } from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { argTargets } from '../mutate/targets'
import { mappingFor } from '../resource-mapping'
import { alreadyThere, conflicts, parseTaints, reorganize, TaintSpecError, type Taint } from './taint-spec'

type Node = Obj<'Node'>

/** Complete: resources first, then taint changes (anything with `=`, `:` or a trailing `-`). */
function splitArgs(args: readonly string[]): { resources: string[]; specs: string[] } {
  const resources: string[] = []
  const specs: string[] = []
  for (const a of args) {
    const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-')
    if (isTaint) specs.push(a)
    else if (specs.length) throw new KubectlError(`all resources must be specified before taint changes: ${a}`)
    else resources.push(a)
  }
  return { resources, specs }
}

/** Validate, in kubectl's order. */
function validate(inv: Invocation, resources: string[], add: Taint[], remove: Taint[]): void {
  if (add.length === 0 && remove.length === 0) throw new KubectlError('at least one taint update is required')
  if (mappingFor(resources[0].toLowerCase()).kind !== 'Node') throw new KubectlError(`invalid resource type ${resources[0]}, only node types are supported`)
  const both = conflicts(add, remove)
  if (both.length) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${both.join(', ')}`)
  const all = inv.flags.bool('all')
  const selector = inv.flags.string('selector')
  if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited")
  if (!all && !selector && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set")
}

/** updateTaints: the node as it will be, and the operation; or why it cannot be changed. */
function retaint(node: Node, add: Taint[], remove: Taint[], overwrite: boolean): { node: Node; operation: string } {
  const old = (node.spec?.taints ?? []) as Taint[]
  const name = node.metadata.name ?? ''
  if (!overwrite) {
    const exists = alreadyThere(old, add)
    if (exists) throw new KubectlError(`node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`)
  }
  const r = reorganize(old, add, remove, overwrite)
  // utilerrors.NewAggregate: one error reads as itself, several as a bracketed list.
  if (r.errors.length === 1) throw new KubectlError(r.errors[0])
  if (r.errors.length > 1) throw new KubectlError(`[${r.errors.join(', ')}]`)
  const { taints: _old, ...spec } = node.spec ?? {}
  return { node: { ...node, spec: r.taints.length ? { ...spec, taints: r.taints as NonNullable<Node['spec']>['taints'] } : spec }, operation: r.operation }
}

async function run(inv: Invocation): Promise<number> {
  const dryRun = dryRunStrategy(inv)
  // taint's printer is made without PrintFlagsWithDryRunStrategy: no "(dry run)" after the operation.
  const printer = mutationPrinter(inv, 'none')
  if (inv.args.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name>')
  const { resources, specs } = splitArgs(inv.args)
  let parsed
  try {
    parsed = parseTaints(specs)
  } catch (e) {
    if (e instanceof TaintSpecError) throw new UsageError(inv.commandPath, e.message)
    throw e
  }
  const { add, remove } = parsed
  validate(inv, resources, add, remove)
  const overwrite = inv.flags.bool('overwrite')
  const entries = argTargets(inv, { requireObject: true, args: resources, selectAll: inv.flags.bool('all'), labelSelector: inv.flags.string('selector') || undefined })
  const errors: unknown[] = []
  for (const e of entries) {
    if (!e.ok) {
      errors.push(e.error)
      continue
    }
    try {
      const { node, operation } = retaint(e.target.object as Node, add, remove, overwrite)
      let shown: Node = node
      if (dryRun !== 'client') {
        // The two-way merge patch of the taint list: the whole list, or null for none left.
        const patch = { spec: { taints: node.spec?.taints ?? null } }
        shown = inv.api.patch('Node', '', node.metadata.name!, 'merge', patch, { actor: 'kubectl', dryRun: serverDryRun(dryRun) }) as Node
      }
      printer.print(shown, operation, 'Node')
    } catch (err) {
      if (!(err instanceof Error)) throw err
      errors.push(err)
    }
  }
  AggregateError.throwIfAny(errors)
  return 0
}

export const taintCommand: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: [...OUTPUT_FLAGS, DRY_RUN_FLAG, VALIDATE_FLAG, fieldManagerFlag('kubectl-taint'), SELECTOR_FLAG, { name: 'all', type: 'bool' }, { name: 'overwrite', type: 'bool' }],
  run,
}
