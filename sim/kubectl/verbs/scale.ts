// `kubectl scale` (kubectl pkg/cmd/scale/scale.go, pkg/scale/scale.go): sets spec.replicas through the
// scale subresource — a merge patch `{"spec":{"replicas":N}}`, or with --current-replicas /
// --resource-version a read, a precondition check and a write. Only kinds with a scale subresource
// (StatefulSet, Deployment, ReplicaSet) can be scaled. All targets are gathered first; the ones that
// could not be found are reported after the others were scaled. --timeout waits until the status
// shows the new size.

import { ApiError } from '../../api/errors'
import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { requireFlags } from '../mutate/generator-command'
import { dryRunStrategy, DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAGS, RECORD_FLAG, SELECTOR_FLAG, serverDryRun, warnDeprecatedRecord } from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { resolveTargets, type Target } from '../mutate/targets'

const SCALE_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  RECORD_FLAG,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  { name: 'all', type: 'bool' as const },
  { name: 'resource-version', type: 'string' as const },
  { name: 'current-replicas', type: 'int' as const, default: '-1' },
  { name: 'replicas', type: 'int' as const, default: '0' },
  { name: 'timeout', type: 'duration' as const, default: '0s' },
]

const SCALABLE: readonly Kind[] = ['StatefulSet', 'Deployment', 'ReplicaSet']

/** The scale subresource of a kind that has none: the API server's plain 404. */
const NO_SCALE = () => new ApiError('NotFound', 'the server could not find the requested resource')

/** ScaleSimple: one attempt, with the preconditions checked against the Scale the server reports. */
function scaleOne(inv: Invocation, t: Target, replicas: number, current: number, rv: string, dryRun: boolean): void {
  const kind = t.mapping.kind
  if (!SCALABLE.includes(kind)) throw NO_SCALE()
  if (current === -1 && !rv) {
    inv.api.patch(kind, t.namespace, t.name, 'merge', { spec: { replicas } }, { actor: 'kubectl', dryRun })
    return
  }
  const obj = inv.api.read(kind, t.namespace, t.name) as KubeObject & { spec?: { replicas?: number } }
  const size = obj.spec?.replicas ?? 0
  if (current !== -1 && size !== current) throw new KubectlError(`Expected replicas to be ${current}, was ${size}`)
  if (rv && obj.metadata.resourceVersion !== rv) throw new KubectlError(`Expected resource version to be ${rv}, was ${obj.metadata.resourceVersion}`)
  inv.api.update({ ...obj, spec: { ...obj.spec, replicas } }, { actor: 'kubectl', dryRun })
}

/** WaitForScaleHasDesiredReplicas: spec and status agree on the new size (or someone changed spec). */
async function waitForReplicas(inv: Invocation, t: Target, replicas: number, timeoutMs: number): Promise<void> {
  const done = () => {
    const o = inv.api.get(t.mapping.kind, t.namespace, t.name) as (KubeObject & { spec?: { replicas?: number }; status?: { replicas?: number } }) | undefined
    if (!o) return true
    const spec = o.spec?.replicas ?? 0
    return spec !== replicas || (o.status?.replicas ?? 0) === replicas
  }
  if (!(await inv.ctx.time.until(done, timeoutMs, inv.ctx.cancel)) && !inv.ctx.cancel.cancelled) {
    throw new KubectlError('timed out waiting for the condition')
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  requireFlags(inv, ['replicas'])
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const replicas = f.int('replicas')
  const current = f.int('current-replicas')
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater')

  const entries = resolveTargets(inv, { requireObject: true, selectAll: f.bool('all'), labelSelector: f.string('selector') })
  const targets = entries.flatMap((e) => (e.ok ? [e.target] : []))
  const infoErrors = entries.flatMap((e) => (e.ok ? [] : [e.error]))
  const infoErr = infoErrors.length === 0 ? undefined : infoErrors.length === 1 ? infoErrors[0] : new AggregateError(infoErrors)
  const rv = f.string('resource-version')
  if (rv && targets.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources')
  if (targets.length === 0) {
    // fmt.Errorf("no objects passed to scale %w", infoErr): the API error loses its "Error from server" form.
    if (infoErr !== undefined) throw new KubectlError(`no objects passed to scale ${infoErr instanceof Error ? infoErr.message : String(infoErr)}`)
    throw new KubectlError('no objects passed to scale')
  }
  for (const t of targets) {
    if (dryRun === 'client') {
      printer.print(t.object, 'scaled')
      continue
    }
    scaleOne(inv, t, replicas, current, rv, serverDryRun(dryRun))
    if (f.duration('timeout') > 0 && dryRun === 'none') await waitForReplicas(inv, t, replicas, f.duration('timeout'))
    // kubectl prints the object as it was read before the scale.
    printer.print(t.object, 'scaled')
  }
  if (infoErr !== undefined) throw infoErr
  return 0
}

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: SCALE_FLAGS,
  run,
}
