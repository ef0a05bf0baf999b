// `kubectl label` (kubectl pkg/cmd/label/label.go): KEY=VALUE sets, KEY- removes; an existing label
// changes only with --overwrite. The printed operation compares the object's JSON before and after:
// `labeled`, `not labeled` (nothing changed), or `unlabeled` (it got shorter, without --overwrite).

import { goQuote } from '../../api/field-errors'
import { isValidLabelValue } from '../../api/validation/names'
import type { KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { type Changes, metadataFlags, runMetadataEdit } from '../mutate/metadata-edit'

/** parseLabels: `k=v` (exactly one `=`, a valid value), `k-`; nothing else. */
function parseLabels(pairs: readonly string[]): Changes {
  const set = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`)
      const errs = isValidLabelValue(parts[1])
      if (errs.length) throw new KubectlError(`invalid label value: ${goQuote(spec)}: ${errs.join(';')}`)
      set.set(parts[0], parts[1])
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else throw new KubectlError(`unknown label spec: ${spec}`)
  }
  if (remove.some((k) => set.has(k))) throw new KubectlError('can not both modify and remove a label in the same command')
  return { set, remove }
}

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: metadataFlags('kubectl-label'),
  run: (inv) =>
    runMetadataEdit(inv, {
      pairType: 'label',
      field: 'labels',
      sampleFile: 'pod.yaml',
      sampleJson: 'pod.json',
      parse: parseLabels,
      checkNoOverwrite(current, changes) {
        const errs: string[] = []
        for (const [k, v] of changes.set) if (k in current && current[k] !== v) errs.push(`'${k}' already has a value (${current[k]}), and --overwrite is false`)
        if (errs.length) throw new KubectlError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`)
      },
      beforePatch(inv, current, changes) {
        for (const k of changes.remove) if (!(k in current)) inv.out(`label ${goQuote(k)} not found.\n`)
      },
      operation(before, after, overwrite) {
        if (before === after) return 'not labeled'
        return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled'
      },
      printServerObject: false,
    }),
}
