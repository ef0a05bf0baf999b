// `kubectl create -f FILE` and its generators (kubectl pkg/cmd/create): every object of the files is
// POSTed in file order (the last-applied annotation only with --save-config, or refreshed when the
// file carries one), one `<kind>/<name> created` line each; failures are reported at the end, each
// wrapped with its file (`error when creating "web.yaml": ...`). The generators live in
// mutate/create-generators.ts.

import { objectForCreate } from '../../api/apply'
import { ApiError } from '../../api/errors'
import type { KubectlCommand, Invocation } from '../command'
import { addSourceToErr, AggregateError, KubectlError, UsageError } from '../errors'
import { createSubcommands } from '../mutate/create-generators'
import {
  dryRunStrategy,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  RECORD_FLAG,
  SAVE_CONFIG_FLAG,
  SELECTOR_FLAG,
  serverDryRun,
  validationDirective,
  VALIDATE_FLAG,
  warnDeprecatedRecord,
} from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { fileTargets } from '../mutate/targets'

const CREATE_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  VALIDATE_FLAG,
  { name: 'edit', type: 'bool' as const },
  { name: 'windows-line-endings', type: 'bool' as const },
  SAVE_CONFIG_FLAG,
  DRY_RUN_FLAG,
  SELECTOR_FLAG,
  { name: 'raw', type: 'string' as const },
  fieldManagerFlag('kubectl-create'),
  RECORD_FLAG,
]

/** Go's %v of a []string: `[a b]`. */
function goSlice(values: readonly string[]): string {
  return `[${values.join(' ')}]`
}

async function run(inv: Invocation): Promise<number> {
  warnDeprecatedRecord(inv)
  if (inv.args.length) throw new UsageError(inv.commandPath, `Unexpected args: ${goSlice(inv.args)}`)
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const fieldValidation = validationDirective(inv)
  if (inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize')) throw new KubectlError('must specify one of -f and -k')
  if (inv.flags.string('raw')) throw new KubectlError('--raw is not available in this simulator')
  if (inv.flags.bool('edit')) throw new KubectlError('--edit is not available in this simulator')

  const { namespace } = inv.namespace()
  const errors: unknown[] = []
  let count = 0
  for (const entry of fileTargets(inv, { requireObject: false, labelSelector: inv.flags.string('selector') })) {
    if (!entry.ok) {
      errors.push(entry.error)
      continue
    }
    const t = entry.target
    const file = t.file!
    let result = objectForCreate(file.object as unknown as Record<string, unknown>, t.mapping.kind, { namespace, saveConfig: inv.flags.bool('save-config') })
    if (dryRun !== 'client') {
      try {
        if (file.apiVersionMissing) throw new ApiError('NotFound', `the server could not find the requested resource (post ${t.mapping.resource})`)
        result = inv.api.create(result, { actor: 'kubectl', dryRun: serverDryRun(dryRun), fieldValidation })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        errors.push(addSourceToErr('creating', t.source, e))
        continue
      }
      inv.warn(inv.api.warnings())
    }
    count++
    printer.print(result, 'created')
  }
  AggregateError.throwIfAny(errors)
  if (count === 0) throw new KubectlError('no objects passed to create')
  return 0
}

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: CREATE_FLAGS,
  subcommands: createSubcommands(),
  run,
}
