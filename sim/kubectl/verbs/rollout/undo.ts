// `kubectl rollout undo` (kubectl pkg/cmd/rollout/rollout_undo.go): each object is rolled back
// (rollback.ts) and printed with the rollbacker's result as the operation: `statefulset.apps/web
// rolled back`, `... skipped rollback (current template already matches revision 2)`, or with
// --dry-run=client the template it would restore.

import type { KubectlCommand, Invocation } from '../../command'
import { AggregateError, KubectlError } from '../../errors'
import { DRY_RUN_FLAG, dryRunStrategy, FILENAME_FLAGS, OUTPUT_FLAGS, SELECTOR_FLAG } from '../../mutate/flags'
import { mutationPrinter } from '../../mutate/print'
import { rollback } from './rollback'
import { hasFilenames, visitTargets } from './visit'

function run(inv: Invocation): number {
  const f = inv.flags
  const dryRun = dryRunStrategy(inv)
  if (inv.args.length === 0 && !hasFilenames(inv)) throw new KubectlError('required resource not specified')
  const printer = mutationPrinter(inv, dryRun)
  const { visits } = visitTargets(inv, { labelSelector: f.string('selector'), allowEmptySelector: true })
  const errors: unknown[] = []
  for (const v of visits) {
    if (!v.target) {
      errors.push(v.error)
      continue
    }
    try {
      const result = rollback({ api: inv.api, mapping: v.target.mapping, object: v.target.object, toRevision: f.int('to-revision'), dryRun, actor: 'kubectl' })
      printer.print(v.target.object, result)
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e
      errors.push(e)
    }
  }
  if (errors.length) throw new AggregateError(errors)
  return 0
}

export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [{ name: 'to-revision', type: 'int64', default: '0' }, ...FILENAME_FLAGS, DRY_RUN_FLAG, SELECTOR_FLAG, ...OUTPUT_FLAGS],
  run,
}
