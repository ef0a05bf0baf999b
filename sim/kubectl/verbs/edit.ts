// `kubectl edit` (kubectl pkg/cmd/edit/edit.go with editor.EditOptions in NormalEditMode): the named
// objects — or all of a type, or those of -f files — fetched fresh, edited as one file (a `kind:
// List` for several), and patched back. How the editor is chosen and what runs where there is no
// screen is in mutate/editor.ts (`KUBE_EDITOR="cp FILE"` edits from a file); the loop is in
// mutate/edit-session.ts.

import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { editLoop } from '../mutate/edit-session'
import { fieldManagerFlag, FILENAME_FLAGS, OUTPUT_FLAGS, RECORD_FLAG, SAVE_CONFIG_FLAG, validationDirective, VALIDATE_FLAG, warnDeprecatedRecord } from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { resolveTargets } from '../mutate/targets'

const EDIT_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  RECORD_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  fieldManagerFlag('kubectl-edit'),
  { name: 'output-patch', type: 'bool' as const },
  { name: 'windows-line-endings', type: 'bool' as const },
  { name: 'subresource', type: 'string' as const },
]

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  const output = f.string('output')
  // The file is YAML unless -o json; -o also chooses how the results print.
  const format = output === 'json' ? 'json' : 'yaml'
  if (f.string('subresource')) throw new KubectlError('--subresource is not available in this simulator')
  const { namespace } = inv.namespace()
  // ResourceTypeOrNameArgs(true, ...): `kubectl edit sts` edits every StatefulSet.
  const entries = resolveTargets(inv, { requireObject: true, allowEmptySelector: true })
  const fieldValidation = validationDirective(inv)
  const errors = entries.flatMap((e) => (e.ok ? [] : [e.error]))
  AggregateError.throwIfAny(errors)
  const infos = entries.flatMap((e) => (e.ok ? [e.target] : []))
  if (infos.length === 0) throw new KubectlError('edit cancelled, no objects found')
  return editLoop(inv, infos, {
    format,
    saveConfig: f.bool('save-config'),
    fieldValidation,
    outputPatch: f.bool('output-patch'),
    namespace,
    printer: mutationPrinter(inv),
  })
}

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: EDIT_FLAGS,
  run,
}
