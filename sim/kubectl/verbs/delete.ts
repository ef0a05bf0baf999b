// `kubectl delete` (kubectl pkg/cmd/delete/delete.go, delete_flags.go): by name, -f, -l,
// --field-selector, --all (-A), with --cascade=background|foreground|orphan (and the deprecated
// booleans), --grace-period / --now / --force, --dry-run, -o name, and --wait (default): after
// printing `pod "web-0" deleted` kubectl waits until each deleted object is gone — or replaced by a
// new object of the same name (another uid) — so `kubectl delete pod web-1` returns only after the
// pod's graceful termination. The waiting itself is in mutate/wait-deleted.ts.

import { ApiError } from '../../api/errors'
import type { KubectlCommand, Invocation } from '../command'
import { addSourceToErr, AggregateError, KubectlError } from '../errors'
import { cascadingStrategy, CASCADE_FLAG } from '../mutate/cascade'
import { dryRunStrategy, DRY_RUN_FLAG, FILENAME_FLAGS, SELECTOR_FLAG, serverDryRun } from '../mutate/flags'
import { dropNotFound, resolveTargets, type Target } from '../mutate/targets'
import { waitDeleted } from '../mutate/wait-deleted'
import { groupKindLower } from '../resource-mapping'

const DELETE_FLAGS = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  { name: 'field-selector', type: 'string' as const },
  { name: 'all', type: 'bool' as const },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' as const },
  { name: 'force', type: 'bool' as const },
  CASCADE_FLAG,
  { name: 'now', type: 'bool' as const },
  { name: 'grace-period', type: 'int' as const, default: '-1' },
  { name: 'timeout', type: 'duration' as const, default: '0s' },
  { name: 'ignore-not-found', type: 'bool' as const },
  { name: 'wait', type: 'bool' as const, default: 'true' },
  { name: 'output', shorthand: 'o', type: 'string' as const },
  { name: 'raw', type: 'string' as const },
  { name: 'interactive', shorthand: 'i', type: 'bool' as const },
  DRY_RUN_FLAG,
]

const FORCE_WARNING =
  'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.'

/** DeleteOptions.PrintObj: not a NamePrinter — `kind "name" deleted`, or `kind/name` for -o name. */
function deletedLine(t: Target, operation: string, output: string): string {
  const kind = groupKindLower(t.mapping)
  return output === 'name' ? `${kind}/${t.name}\n` : `${kind} "${t.name}" ${operation}\n`
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const policy = cascadingStrategy(inv)
  // Complete.
  const { explicit } = inv.namespace()
  const all = f.bool('all')
  const allNamespaces = f.bool('all-namespaces')
  const labelSelector = f.string('selector')
  const fieldSelector = f.string('field-selector')
  const ignoreNotFound = all || labelSelector || fieldSelector ? (f.changed('ignore-not-found') ? f.bool('ignore-not-found') : true) : f.bool('ignore-not-found')
  let grace = f.int('grace-period')
  const force = f.bool('force')
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !force) grace = 1 // backwards compatibility: --grace-period=0 means 1 unless forced
  if (force && grace < 0) grace = 0
  const dryRun = dryRunStrategy(inv)
  if (f.string('raw')) throw new KubectlError('--raw is not available in this simulator')
  let entries = resolveTargets(inv, { requireObject: false, labelSelector, fieldSelector, selectAll: all, allNamespaces })
  // Validate.
  const output = f.string('output')
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`)
  if (all && labelSelector) throw new KubectlError('cannot set --all and --selector at the same time')
  if (all && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time')
  if (grace === 0 && force) inv.warn([FORCE_WARNING])
  else if (grace > 0 && force) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together')
  if (f.bool('interactive')) throw new KubectlError('--interactive is not available in this simulator')

  // DeleteResult.
  if (ignoreNotFound) entries = dropNotFound(entries)
  let operation = grace === 0 ? 'force deleted' : 'deleted'
  if (dryRun === 'client') operation += ' (dry run)'
  if (dryRun === 'server') operation += ' (server dry run)'
  let warnClusterScope = explicit && !allNamespaces
  const errors: unknown[] = []
  const deleted: { target: Target; uid: string | undefined }[] = []
  let found = 0
  for (const entry of entries) {
    if (!entry.ok) {
      errors.push(entry.error)
      continue
    }
    const t = entry.target
    found++
    if (warnClusterScope && !t.mapping.namespaced) {
      inv.warn(['deleting cluster-scoped resources, not scoped to the provided namespace'])
      warnClusterScope = false
    }
    if (dryRun === 'client') {
      deleted.push({ target: t, uid: undefined })
      inv.out(deletedLine(t, operation, output))
      continue
    }
    try {
      const response = inv.api.delete(t.mapping.kind, t.namespace, t.name, {
        actor: 'kubectl',
        propagationPolicy: policy,
        gracePeriodSeconds: grace >= 0 ? grace : undefined,
        dryRun: serverDryRun(dryRun),
      })
      deleted.push({ target: t, uid: response.metadata.uid })
      inv.out(deletedLine(t, operation, output))
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (ignoreNotFound && e.reason === 'NotFound') continue
      errors.push(addSourceToErr('deleting', t.source, e))
    }
  }
  AggregateError.throwIfAny(errors)
  if (found === 0) {
    inv.out('No resources found\n')
    return 0
  }
  if (!f.bool('wait') || dryRun !== 'none') return 0
  return waitDeleted(inv, deleted, f.duration('timeout'))
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: DELETE_FLAGS,
  run,
}
