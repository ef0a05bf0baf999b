// `kubectl annotate` (kubectl pkg/cmd/annotate/annotate.go): KEY=VALUE sets (the value may hold `=`),
// KEY- removes; an existing annotation changes only with --overwrite (kubernetes.io/change-cause
// always may). It prints what the server answered, always as `annotated`.

import type { KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { type Changes, metadataFlags, runMetadataEdit } from '../mutate/metadata-edit'

const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** cmdutil.ParsePairs(args, "annotation", true). */
function parsePairs(pairs: readonly string[]): Changes {
  const set = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=')
      set.set(p.slice(0, i), p.slice(i + 1))
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1))
    else invalid.push(p)
  }
  if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`)
  return { set, remove }
}

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: metadataFlags('kubectl-annotate'),
  run: (inv) =>
    runMetadataEdit(inv, {
      pairType: 'annotation',
      field: 'annotations',
      sampleFile: 'rsrc.yaml',
      sampleJson: 'rsrc.json',
      parse: parsePairs,
      checkChanges(changes) {
        const both = changes.remove.filter((k) => changes.set.has(k))
        if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`)
      },
      checkNoOverwrite(current, changes) {
        const found: string[] = []
        for (const [k, v] of changes.set) if (k !== CHANGE_CAUSE && k in current && current[k] !== v) found.push(`'${k}' already has a value (${current[k]})`)
        if (found.length) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`)
      },
      operation: () => 'annotated',
      printServerObject: true,
    }),
}
