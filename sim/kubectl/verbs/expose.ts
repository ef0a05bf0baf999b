// `kubectl expose` (kubectl pkg/cmd/expose/expose.go, polymorphichelpers' CanBeExposed,
// MapBasedSelectorForObject, PortsForObject and MultiProtocolsForObject): a Service for a pod, a
// Service, a Deployment or a ReplicaSet, with the object's selector (a pod's labels), its ports and
// their protocols unless --selector / --port say otherwise, and its labels. A StatefulSet cannot be
// exposed (kubectl says so): its headless Service is written by hand, as the lessons do.

import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import type { Invocation, KubectlCommand } from '../command'
import { AggregateError, KubectlError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAGS, OUTPUT_FLAGS, SAVE_CONFIG_FLAG, serverDryRun } from '../mutate/flags'
import { withSaveConfig } from '../mutate/generator-command'
import { mutationPrinter } from '../mutate/print'
import { resolveTargets, hasFileInput, type Target } from '../mutate/targets'
import { exposedService, exposureOf, type ExposeOptions } from './expose-service'

const STRING_FLAGS = ['cluster-ip', 'external-ip', 'labels', 'load-balancer-ip', 'name', 'port', 'protocol', 'selector', 'session-affinity', 'target-port', 'type'] as const

const EXPOSE_FLAGS: readonly FlagSpec[] = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  SAVE_CONFIG_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-expose'),
  ...STRING_FLAGS.map((name): FlagSpec => ({ name, type: 'string', ...(name === 'labels' ? { shorthand: 'l' } : {}) })),
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string', default: 'merge' },
]

/** CanBeExposedFn: the kinds with a pod selector kubectl knows how to read. */
const EXPOSABLE: readonly Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet']

/** A GroupKind as Go prints it: `StatefulSet.apps`, or the bare kind for the core group. */
function groupKind(t: Target): string {
  const group = t.mapping.apiVersion.includes('/') ? t.mapping.apiVersion.split('/')[0] : ''
  return group ? `${t.mapping.kind}.${group}` : t.mapping.kind
}

function options(inv: Invocation): ExposeOptions {
  const f = inv.flags
  const o = {} as Record<(typeof STRING_FLAGS)[number], string>
  for (const name of STRING_FLAGS) o[name] = f.string(name)
  return {
    clusterIP: o['cluster-ip'],
    externalIP: o['external-ip'],
    labels: o.labels,
    loadBalancerIP: o['load-balancer-ip'],
    name: o.name,
    port: o.port,
    protocol: o.protocol,
    selector: o.selector,
    sessionAffinity: o['session-affinity'],
    targetPort: o['target-port'],
    type: o.type,
  }
}

function exposeOne(inv: Invocation, t: Target, base: ExposeOptions): KubeObject {
  if (!EXPOSABLE.includes(t.mapping.kind)) throw new KubectlError(`cannot expose a ${groupKind(t)}`)
  const dryRun = dryRunStrategy(inv)
  const { namespace, explicit } = inv.namespace()
  let g = exposedService(exposureOf(t.object, base))
  if (inv.flags.bool('save-config') && dryRun !== 'client') g = withSaveConfig(g)
  if (dryRun === 'client') {
    const meta = g.object.metadata as Record<string, unknown>
    return { ...g.object, metadata: explicit ? { ...meta, namespace } : meta } as unknown as KubeObject
  }
  const body = { ...g.object, metadata: { ...(g.object.metadata as object), namespace } } as unknown as KubeObject
  const created = inv.api.create(body, { actor: 'kubectl', dryRun: serverDryRun(dryRun) })
  inv.warn(inv.api.warnings())
  return created
}

async function run(inv: Invocation): Promise<number> {
  if (inv.flags.string('overrides')) throw new KubectlError('--overrides is not available in this simulator')
  const printer = mutationPrinter(inv, dryRunStrategy(inv))
  const base = options(inv)
  // The objects come from the files as written, or from the server for TYPE NAME.
  const entries = resolveTargets(inv, { requireObject: !hasFileInput(inv) })
  const errors: unknown[] = []
  for (const e of entries) {
    if (!e.ok) {
      errors.push(e.error)
      continue
    }
    try {
      printer.print(exposeOne(inv, e.target, base), 'exposed', 'Service')
    } catch (err) {
      if (!(err instanceof Error)) throw err
      errors.push(err)
    }
  }
  AggregateError.throwIfAny(errors)
  return 0
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: EXPOSE_FLAGS,
  run,
}
