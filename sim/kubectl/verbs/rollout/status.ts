// `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go): for each object, the status
// line for the informer's first look and then for every ADDED/MODIFIED watch event, with no
// de-duplication (a status write that changes nothing visible repeats the line), until the viewer
// says done. --watch=false prints one line; --timeout ends the wait with "timed out waiting for the
// condition"; a deleted object ends it with "object has been deleted".

import type { KubectlCommand, Invocation } from '../../command'
import { AggregateError, KubectlError } from '../../errors'
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../../mutate/flags'
import { noStatusViewerError, statusViewerFor } from './status-viewer'
import { hasFilenames, type Target, visitTargets } from './visit'
import { watchObject } from './watch-object'

/** wait.ErrWaitTimeout's text: what UntilWithSync returns when the context's deadline passes. */
export const WAIT_TIMEOUT = 'timed out waiting for the condition'

type Ending = { code: number } | { error: unknown }

async function watchStatus(inv: Invocation, t: Target, revision: number, watch: boolean, timeoutMs: number): Promise<Ending> {
  const viewer = statusViewerFor(t.mapping)
  if (!viewer) return { error: noStatusViewerError(t.mapping) }
  let error: unknown
  const outcome = await watchObject(inv, {
    kind: t.mapping.kind,
    namespace: t.namespace,
    name: t.name,
    timeoutMs: timeoutMs > 0 ? timeoutMs : undefined,
    handle: (ev) => {
      // Abort rather than silently watch a new object of the same name.
      if (ev.type === 'DELETED') {
        error = new KubectlError('object has been deleted')
        return true
      }
      try {
        const s = viewer(ev.object, revision)
        inv.out(s.message)
        return s.done || !watch
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e
        error = e
        return true
      }
    },
  })
  if (error) return { error }
  switch (outcome) {
    case 'done':
      return { code: 0 }
    case 'timeout':
      return { error: new KubectlError(WAIT_TIMEOUT) }
    case 'cancelled':
    case 'settled':
      // Ctrl-C: kubectl's interrupt handler exits 1 at once, printing nothing more.
      return { code: 1 }
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  if (inv.args.length === 0 && !hasFilenames(inv)) throw new KubectlError('required resource not specified')
  const revision = f.int('revision')
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`)
  const { visits, namespace } = visitTargets(inv, { labelSelector: f.string('selector'), allowEmptySelector: true })
  const errors: unknown[] = []
  let found = false
  for (const v of visits) {
    if (!v.target) {
      errors.push(v.error)
      continue
    }
    found = true
    const end = await watchStatus(inv, v.target, revision, f.bool('watch'), f.duration('timeout'))
    if ('error' in end) errors.push(end.error)
    else if (end.code !== 0) return end.code
  }
  if (errors.length) throw new AggregateError(errors)
  if (!found) inv.err(`No resources found in ${namespace} namespace.\n`)
  return 0
}

export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'watch', shorthand: 'w', type: 'bool', default: 'true' },
    { name: 'revision', type: 'int64', default: '0' },
    { name: 'timeout', type: 'duration', default: '0s' },
    SELECTOR_FLAG,
  ],
  run,
}
