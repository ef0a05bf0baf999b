// `kubectl apply -f` — client-side apply, the default in v1.33 (kubectl pkg/cmd/apply/apply.go Run and
// applyOneObject, patcher.go): files, directories, `-` and multi-document YAML; each object is created
// with the last-applied annotation, or patched with the three-way strategic merge patch planApply
// computes (api/apply.ts), or left alone when that patch is `{}`. Server-side field validation is
// Strict unless --validate says otherwise. `-o yaml|json` prints the objects once all are applied.

import { ApplyPatchError, planApply } from '../../api/apply'
import { ApiError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { KubectlCommand, Invocation } from '../command'
import { addSourceToErr, AggregateError, KubectlError, UsageError } from '../errors'
import { cascadingStrategy, CASCADE_FLAG } from '../mutate/cascade'
import {
  dryRunStrategy,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  RECORD_FLAG,
  SELECTOR_FLAG,
  serverDryRun,
  validationDirective,
  VALIDATE_FLAG,
  warnDeprecatedRecord,
  type DryRun,
} from '../mutate/flags'
import { infoString } from '../mutate/info'
import { mutationPrinter, type MutationPrinter } from '../mutate/print'
import { fileTargets, type Target } from '../mutate/targets'
import type { FieldValidation } from '../../api/schema/field-validation'
import { toGoJsonCompact } from '../printers/json'

const APPLY_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  RECORD_FLAG,
  { name: 'all', type: 'bool' as const },
  CASCADE_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-client-side-apply'),
  { name: 'force', type: 'bool' as const },
  { name: 'force-conflicts', type: 'bool' as const },
  { name: 'grace-period', type: 'int' as const, default: '-1' },
  { name: 'openapi-patch', type: 'bool' as const, default: 'true' },
  { name: 'overwrite', type: 'bool' as const, default: 'true' },
  { name: 'prune', type: 'bool' as const },
  { name: 'prune-allowlist', type: 'stringArray' as const },
  { name: 'server-side', type: 'bool' as const },
  { name: 'subresource', type: 'string' as const },
  { name: 'timeout', type: 'duration' as const, default: '0s' },
  VALIDATE_FLAG,
  { name: 'wait', type: 'bool' as const },
]

interface ApplyContext {
  inv: Invocation
  dryRun: DryRun
  fieldValidation: FieldValidation
  namespace: string
  printer: MutationPrinter
  /** -o json|yaml|template: objects are printed together at the end (shouldPrintObject). */
  printAtEnd: boolean
}

/** Validate: the flag combinations kubectl refuses. */
function validate(inv: Invocation, dryRun: DryRun): void {
  const f = inv.flags
  const serverSide = f.bool('server-side')
  if (f.bool('force-conflicts') && !serverSide) throw new KubectlError('--force-conflicts only works with --server-side')
  if (dryRun === 'client' && serverSide) throw new KubectlError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
  if (f.bool('force') && serverSide) throw new KubectlError('--force cannot be used with --server-side')
  if (dryRun === 'server' && f.bool('force')) throw new KubectlError('--dry-run=server cannot be used with --force')
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time')
  if (f.string('subresource') && !serverSide) throw new KubectlError('--subresource can only be specified for --server-side')
  if (serverSide) throw new KubectlError('--server-side is not available in this simulator')
  if (f.bool('prune')) throw new KubectlError('--prune is not available in this simulator')
  if (f.bool('force')) throw new KubectlError('--force is not available in this simulator')
}

/** The error kubectl reports when the patch cannot even be computed (patcher.go createPatchErrFormat). */
function patchComputationError(c: ApplyContext, t: Target, e: ApplyPatchError): unknown {
  c.inv.err(`warning: error calculating patch from openapi v3 spec: ${e.message}\n`)
  c.inv.err(`warning: error calculating patch from openapi spec: ${e.message}\n`)
  const inner = `creating patch with:\noriginal:\n${e.original}\nmodified:\n${e.modified}\ncurrent:\n${e.current}\nfor:: ${e.message}`
  return addSourceToErr(`applying patch:\n\nto:\n${infoString(t)}\nfor:`, t.source, addSourceToErr('patching', t.source, new KubectlError(inner)))
}

/** applyOneObject: create, patch or leave alone; returns the object to print at the end. */
function applyOne(c: ApplyContext, t: Target): KubeObject {
  const { inv } = c
  const file = t.file!.object
  if (!t.name && file.metadata?.generateName) throw new KubectlError(`from ${file.metadata.generateName}: cannot use generate name with apply`)
  const live = inv.api.get(t.mapping.kind, t.namespace, t.name)
  let plan
  try {
    plan = planApply(live, file as unknown as Record<string, unknown>, t.mapping.kind, { namespace: c.namespace })
  } catch (e) {
    if (e instanceof ApplyPatchError) throw patchComputationError(c, t, e)
    throw e
  }
  const say = (obj: KubeObject, operation: string) => {
    if (!c.printAtEnd) c.printer.print(obj, operation)
    return obj
  }
  if (plan.action === 'created') {
    if (c.dryRun === 'client') return say(plan.object, 'created')
    let created: KubeObject
    try {
      created = inv.api.create(plan.object, { actor: 'kubectl', dryRun: serverDryRun(c.dryRun), fieldValidation: c.fieldValidation })
    } catch (e) {
      if (e instanceof ApiError) throw addSourceToErr('creating', t.source, e)
      throw e
    }
    inv.warn(inv.api.warnings())
    return say(created, 'created')
  }
  // Client dry-run stops before the patch: no warnings, and the live object is what prints.
  if (c.dryRun === 'client') return say(live!, 'configured')
  const deleting = plan.warnings.filter((w) => w.startsWith('Warning: Detected changes'))
  for (const w of plan.warnings) if (!deleting.includes(w)) inv.err(w + '\n')
  let result = live!
  if (plan.action === 'configured') {
    try {
      result = inv.api.patch(t.mapping.kind, t.namespace, t.name, 'strategic', plan.patch, {
        actor: 'kubectl',
        dryRun: serverDryRun(c.dryRun),
        fieldValidation: c.fieldValidation,
      })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      const inner = addSourceToErr('patching', t.source, e)
      throw addSourceToErr(`applying patch:\n${toGoJsonCompact(plan.patch)}\nto:\n${infoString(t)}\nfor:`, t.source, inner)
    }
    inv.warn(inv.api.warnings())
  }
  for (const w of deleting) inv.err(w + '\n')
  return say(result, plan.action === 'unchanged' ? 'unchanged' : 'configured')
}

async function run(inv: Invocation): Promise<number> {
  warnDeprecatedRecord(inv)
  if (inv.args.length) throw new UsageError(inv.commandPath, `Unexpected args: [${inv.args.join(' ')}]`)
  const dryRun = dryRunStrategy(inv)
  cascadingStrategy(inv)
  if (inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize')) throw new KubectlError('must specify one of -f and -k')
  const fieldValidation = validationDirective(inv)
  const { namespace } = inv.namespace()
  validate(inv, dryRun)
  const printer = mutationPrinter(inv, dryRun)
  const c: ApplyContext = { inv, dryRun, fieldValidation, namespace, printer, printAtEnd: !printer.operationLine && !printer.short }

  // GetObjects: every document first; the ones that could not be read make one error.
  const entries = fileTargets(inv, { requireObject: false, labelSelector: inv.flags.string('selector') })
  const readErrors = entries.flatMap((e) => (e.ok ? [] : [e.error]))
  const errors: unknown[] = readErrors.length === 0 ? [] : [readErrors.length === 1 ? readErrors[0] : new AggregateError(readErrors)]
  const targets = entries.flatMap((e) => (e.ok ? [e.target] : []))
  if (targets.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply')
  const applied: KubeObject[] = []
  for (const t of targets) {
    try {
      applied.push(applyOne(c, t))
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof KubectlError)) throw e
      errors.push(e)
    }
  }
  AggregateError.throwIfAny(errors)
  if (c.printAtEnd && applied.length) printer.printList(applied)
  return 0
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: APPLY_FLAGS,
  subcommands: ['edit-last-applied', 'set-last-applied', 'view-last-applied'].map((name) => ({
    name,
    run: (i: Invocation) => {
      throw new KubectlError(`"${i.commandPath}" is not available in this simulator`)
    },
  })),
  run,
}
