// `kubectl rollout history` (kubectl pkg/cmd/rollout/rollout_history.go). The text goes out through
// a NamePrinter whose operation is "<with revision #N>\n<history>", which is why the first line is
// `statefulset.apps/web ` with a trailing space and the output ends with an empty line. With -o the
// revisions themselves are printed (the StatefulSet as of each revision, or the ReplicaSets).

import type { KubectlCommand, Invocation } from '../../command'
import { AggregateError, KubectlError } from '../../errors'
import { FILENAME_FLAGS, OUTPUT_FLAGS, SELECTOR_FLAG } from '../../mutate/flags'
import { mutationPrinter } from '../../mutate/print'
import { nameLine } from '../../printers/name'
import { historyOf, viewHistory } from './history-viewer'
import { hasFilenames, visitTargets } from './visit'

function run(inv: Invocation): number {
  const f = inv.flags
  if (inv.args.length === 0 && !hasFilenames(inv)) throw new KubectlError('required resource not specified')
  const revision = f.int('revision')
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`)
  const { visits } = visitTargets(inv, { labelSelector: f.string('selector'), allowEmptySelector: true })
  const printer = f.string('output') || f.string('template') ? mutationPrinter(inv) : undefined
  const errors: unknown[] = []
  for (const v of visits) {
    if (!v.target) {
      errors.push(v.error)
      continue
    }
    const t = v.target
    try {
      const history = historyOf(inv.api, t.mapping, t.object)
      if (printer) {
        if (revision > 0) {
          const entry = history.get(revision)
          if (!entry) throw new KubectlError('unable to find the specified revision')
          printer.print(entry.object, '')
        } else {
          for (const r of [...history.keys()].sort((a, b) => a - b)) printer.print(history.get(r)!.object, '')
        }
        continue
      }
      const text = viewHistory(history, revision)
      const withRevision = revision > 0 ? `with revision #${revision}` : ''
      inv.out(nameLine(t.object, `${withRevision}\n${text}`))
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e
      errors.push(e)
    }
  }
  if (errors.length) throw new AggregateError(errors)
  return 0
}

export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  flags: [{ name: 'revision', type: 'int64', default: '0' }, SELECTOR_FLAG, ...FILENAME_FLAGS, ...OUTPUT_FLAGS],
  run,
}
