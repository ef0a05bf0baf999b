// `kubectl wait` (kubectl pkg/cmd/wait: wait.go RunWait, condition.go getObjAndCheckCondition,
// delete.go IsDeleted, create.go). The objects are visited in order under one deadline (--timeout,
// 30s by default; 0 checks once; negative means a week); each success prints `pod/web-0 condition
// met` (the PrintFlags operation, for --for=delete too), each failure is kept and reported at the end
// (`timed out waiting for the condition on pods/web-0`). Time passes through ctx.time, so the headless
// runner advances the virtual clock while the controllers work.

import { ApiError, notFound } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { OUTPUT_FLAGS, SELECTOR_FLAG } from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { WAIT_TIMEOUT } from './rollout/status'
import { type Target, visitTargets, type Visit } from './rollout/visit'
import { watchObject } from './rollout/watch-object'
import { met, parseWaitFor, type WaitFor } from './wait-for'

const WEEK_MS = 168 * 3600_000
/** wait.PollUntilContextTimeout's interval for --for=create. */
const CREATE_POLL_MS = 500

/** info.ObjectName(): `pods/web-0`. */
const objectName = (t: Target) => `${t.mapping.resource}/${t.name}`

type Outcome = { object: KubeObject } | { error: unknown }

/** getObjAndCheckCondition (condition and jsonpath waits). */
async function waitForCondition(inv: Invocation, t: Target, w: WaitFor, timeoutMs: number, remainingMs: number): Promise<Outcome> {
  const check = (o: KubeObject) => met(o, w)
  if (timeoutMs === 0) {
    const cur = inv.api.get(t.mapping.kind, t.namespace, t.name) as KubeObject | undefined
    if (!cur) return { error: notFound(t.mapping.kind, t.name) }
    return check(cur) ? { object: cur } : { error: new KubectlError(`condition not met for ${objectName(t)}`) }
  }
  const timedOut = new KubectlError(`${WAIT_TIMEOUT} on ${objectName(t)}`)
  let result: KubeObject | undefined
  let error: unknown
  const outcome = await watchObject(inv, {
    kind: t.mapping.kind,
    namespace: t.namespace,
    name: t.name,
    timeoutMs: Math.max(0, remainingMs),
    // The informer's store must hold the object once synced, or the wait fails with NotFound.
    precondition: (exists) => {
      if (!exists) error = notFound(t.mapping.kind, t.name)
      return !exists
    },
    handle: (ev) => {
      // A deletion leaves the wait running (upstream re-gets; the deadline decides).
      if (ev.type === 'DELETED') return false
      try {
        if (!check(ev.object)) return false
        result = ev.object
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e
        error = e
      }
      return true
    },
  })
  if (error) return { error }
  if (outcome === 'done' && result) return { object: result }
  if (outcome === 'cancelled' || outcome === 'settled') return { error: undefined }
  return { error: timedOut }
}

/** IsDeleted: done at once when it is gone; else the DELETED event, or the deadline. */
async function waitForDelete(inv: Invocation, t: Target, timeoutMs: number, remainingMs: number): Promise<Outcome> {
  const before = inv.api.get(t.mapping.kind, t.namespace, t.name) as KubeObject | undefined
  if (!before) return { object: t.object }
  if (timeoutMs === 0) return { error: new KubectlError(`condition not met for ${objectName(t)}`) }
  const outcome = await watchObject(inv, {
    kind: t.mapping.kind,
    namespace: t.namespace,
    name: t.name,
    timeoutMs: Math.max(0, remainingMs),
    precondition: (exists) => !exists,
    handle: (ev) => ev.type === 'DELETED',
  })
  if (outcome === 'done') return { object: before }
  if (outcome === 'cancelled' || outcome === 'settled') return { error: undefined }
  return { error: new KubectlError(`${WAIT_TIMEOUT} on ${objectName(t)}`) }
}

/** --for=create: polls (every 0.5s, at once first) until the visit finds something that exists. */
async function waitForCreate(inv: Invocation, find: () => Visit[], timeoutMs: number): Promise<boolean> {
  const found = () => {
    const visits = find()
    const other = visits.find((v) => v.error !== undefined && !(v.error instanceof ApiError && v.error.reason === 'NotFound'))
    if (other) throw other.error
    return visits.some((v) => v.target) && !visits.some((v) => v.error !== undefined)
  }
  const deadline = inv.now() + timeoutMs
  for (;;) {
    if (found()) return true
    if (inv.now() >= deadline || inv.ctx.cancel.cancelled) return false
    const ok = await inv.ctx.time.sleep(Math.min(CREATE_POLL_MS, deadline - inv.now()), inv.ctx.cancel)
    if (!ok) return false
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const printer = mutationPrinter(inv)
  const w = parseWaitFor(f.string('for'))
  let timeoutMs = f.duration('timeout')
  if (timeoutMs < 0) timeoutMs = WEEK_MS
  const find = () =>
    visitTargets(inv, {
      labelSelector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      selectAll: f.bool('all'),
      allNamespaces: f.bool('all-namespaces'),
      allowEmptySelector: f.bool('all'),
    }).visits
  const start = inv.now()
  if (w.type === 'create' && !(await waitForCreate(inv, find, timeoutMs))) {
    if (inv.ctx.cancel.cancelled) return 1
    throw new KubectlError(WAIT_TIMEOUT)
  }
  let visits = find()
  // For --for=delete a missing object is what was asked for: the builder ignores NotFound.
  if (w.type === 'delete') visits = visits.filter((v) => !(v.error instanceof ApiError && v.error.reason === 'NotFound'))
  const errors: unknown[] = []
  let count = 0
  for (const v of visits) {
    if (!v.target) {
      errors.push(v.error)
      continue
    }
    count++
    const remaining = start + timeoutMs - inv.now()
    let outcome: Outcome
    if (w.type === 'delete') outcome = await waitForDelete(inv, v.target, timeoutMs, remaining)
    else if (w.type === 'create') outcome = { object: v.target.object }
    else outcome = await waitForCondition(inv, v.target, w, timeoutMs, remaining)
    if ('object' in outcome) printer.print(outcome.object, 'condition met')
    // Ctrl-C: kubectl's interrupt handler exits 1 at once.
    else if (outcome.error === undefined) return 1
    else errors.push(outcome.error)
  }
  if (errors.length) throw new AggregateError(errors)
  if (count === 0 && w.type !== 'delete') throw new KubectlError('no matching resources found')
  return 0
}

export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool', default: 'true' },
    { name: 'local', type: 'bool' },
    SELECTOR_FLAG,
    { name: 'timeout', type: 'duration', default: '30s' },
    { name: 'for', type: 'string' },
  ],
  run,
}
