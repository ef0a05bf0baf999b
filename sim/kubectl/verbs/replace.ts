// `kubectl replace -f` (kubectl pkg/cmd/replace/replace.go): each object of the files is PUT as it
// is written — whatever the file leaves out is gone from the object — with the live
// resourceVersion filled in when the file has none (resource.Helper.Replace with overwrite). The
// last-applied annotation is refreshed if the object carries one (or set with --save-config). An
// object that does not exist is NotFound: replace never creates — except with --force, which deletes
// and creates again.

import { objectForCreate } from '../../api/apply'
import { ApiError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { KubectlCommand, Invocation } from '../command'
import { addSourceToErr, AggregateError, KubectlError } from '../errors'
import { cascadingStrategy, CASCADE_FLAG } from '../mutate/cascade'
import {
  dryRunStrategy,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  RECORD_FLAG,
  SAVE_CONFIG_FLAG,
  serverDryRun,
  validationDirective,
  VALIDATE_FLAG,
  warnDeprecatedRecord,
} from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { fileTargets } from '../mutate/targets'
import { type Deleted, waitDeleted } from '../mutate/wait-deleted'
import { groupKindLower } from '../resource-mapping'
import type { PropagationPolicy } from '../../api/server'

const REPLACE_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  RECORD_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  DRY_RUN_FLAG,
  CASCADE_FLAG,
  fieldManagerFlag('kubectl-replace'),
  { name: 'force', type: 'bool' as const },
  { name: 'grace-period', type: 'int' as const, default: '-1' },
  { name: 'timeout', type: 'duration' as const, default: '0s' },
  { name: 'wait', type: 'bool' as const },
  { name: 'raw', type: 'string' as const },
  { name: 'subresource', type: 'string' as const },
]

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  const fieldValidation = validationDirective(inv)
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const policy = cascadingStrategy(inv)
  const force = f.bool('force')
  if (f.strings('filename').length === 0 && !f.string('kustomize')) throw new KubectlError('must specify one of -f and -k')
  // Validate.
  let grace = f.int('grace-period')
  if (grace === 0) grace = 1
  if (grace >= 0 && !force) throw new KubectlError('--grace-period must have --force specified')
  if (f.duration('timeout') !== 0 && !force) throw new KubectlError('--timeout must have --force specified')
  if (force && dryRun !== 'none') throw new KubectlError('--dry-run can not be used when --force is set')
  if (f.string('raw')) throw new KubectlError('--raw is not available in this simulator')
  if (f.string('subresource')) throw new KubectlError('--subresource is not available in this simulator')
  if (force) return forceReplace(inv, policy, f.int('grace-period'))

  const { namespace } = inv.namespace()
  const errors: unknown[] = []
  for (const entry of fileTargets(inv, { requireObject: false })) {
    if (!entry.ok) {
      errors.push(entry.error)
      continue
    }
    const t = entry.target
    const obj = objectForCreate(t.file!.object as unknown as Record<string, unknown>, t.mapping.kind, { namespace, saveConfig: f.bool('save-config') })
    if (dryRun === 'client') {
      printer.print(obj, 'replaced')
      continue
    }
    try {
      let body: KubeObject = obj
      if (!obj.metadata.resourceVersion) {
        const live = inv.api.get(t.mapping.kind, t.namespace, t.name)
        if (live) body = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion } }
      }
      const result = inv.api.update(body, { actor: 'kubectl', dryRun: serverDryRun(dryRun), fieldValidation })
      inv.warn(inv.api.warnings())
      printer.print(result, 'replaced')
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(addSourceToErr('replacing', t.source, e))
    }
  }
  AggregateError.throwIfAny(errors)
  return 0
}

/**
 * replace --force (forceReplace): delete every object of the files (a missing one is fine), wait until
 * each is gone (5 minutes unless --timeout), then create them from the files — the way to change
 * what an update may not, such as a StatefulSet's volumeClaimTemplates.
 */
async function forceReplace(inv: Invocation, policy: PropagationPolicy, gracePeriod: number): Promise<number> {
  const f = inv.flags
  // The delete's own options: --grace-period=0 means 1 and then the delete waits.
  const grace = gracePeriod === 0 ? 1 : gracePeriod
  const targets = fileTargets(inv, { requireObject: false }).flatMap((e) => {
    if (!e.ok) throw e.error
    return [e.target]
  })
  const deleted: Deleted[] = []
  for (const t of targets) {
    try {
      const gone = inv.api.delete(t.mapping.kind, t.namespace, t.name, { actor: 'kubectl', propagationPolicy: policy, gracePeriodSeconds: grace >= 0 ? grace : undefined })
      deleted.push({ target: t, uid: gone.metadata.uid })
      inv.out(`${groupKindLower(t.mapping)} "${t.name}" deleted\n`)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason !== 'NotFound') throw addSourceToErr('deleting', t.source, e)
    }
  }
  if (deleted.length === 0) inv.out('No resources found\n')
  if (f.bool('wait') || gracePeriod === 0) await waitDeleted(inv, deleted, f.duration('timeout'))
  const timeout = f.duration('timeout') || 5 * 60_000
  for (const t of targets) {
    const gone = () => !inv.api.get(t.mapping.kind, t.namespace, t.name)
    if (!(await inv.ctx.time.until(gone, timeout, inv.ctx.cancel))) throw new KubectlError('timed out waiting for the condition')
  }
  const { namespace } = inv.namespace()
  const printer = mutationPrinter(inv)
  for (const t of targets) {
    const obj = objectForCreate(t.file!.object as unknown as Record<string, unknown>, t.mapping.kind, { namespace, saveConfig: f.bool('save-config') })
    const created = inv.api.create(obj, { actor: 'kubectl', fieldValidation: validationDirective(inv) })
    inv.warn(inv.api.warnings())
    printer.print(created, 'replaced')
  }
  return 0
}

export const replaceCommand: KubectlCommand = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: REPLACE_FLAGS,
  run,
}
