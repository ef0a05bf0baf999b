// `POD | TYPE/NAME` as exec, attach, logs and port-forward read it: the Builder's
// ResourceNames("pods", arg) (a bare name is a pod), then polymorphichelpers' attachable/log pod for
// the object: the pod itself, or the first pod (in the verb's order) of a workload's or a Service's
// selector, waiting up to --pod-running-timeout for one to exist (GetPodList).

import type { Kind } from '../../../api/kinds'
import { fromLabelSelector, fromMap, type Selector } from '../../../api/selectors'
import type { KubeObject, Obj } from '../../../api/types'
import type { Invocation } from '../../command'
import { KubectlError } from '../../errors'
import { mappingFor } from '../../resource-mapping'
import { sortPods, type PodOrder } from './pod-sort'

export interface PodTarget {
  pod: Obj<'Pod'>
  /** How many pods the selector matched (logs says "Found 3 pods, using pod/web-0"). */
  count: number
  /** The object named on the command line. */
  object: KubeObject
  kind: Kind
}

/** ResourceNames("pods", arg): `web-0` is a pod, `sts/web` a typed name. */
export function resourceName(arg: string): { kind: Kind; name: string } {
  if (!arg.includes('/')) return { kind: 'Pod', name: arg }
  const seg = arg.split('/')
  if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash')
  if (!seg[0] || !seg[1]) throw new KubectlError('arguments in resource/name form must have a single resource and name')
  return { kind: mappingFor(seg[0]).kind, name: seg[1] }
}

/** The Go type kubectl names in "cannot attach to *v1.ConfigMap". */
function goType(kind: Kind): string {
  const groups: Partial<Record<Kind, string>> = { StatefulSet: 'v1', Deployment: 'v1', ReplicaSet: 'v1', ControllerRevision: 'v1', EndpointSlice: 'v1', StorageClass: 'v1', PodDisruptionBudget: 'v1' }
  return `*${groups[kind] ?? 'v1'}.${kind}`
}

/** SelectorsForObject: the pods a workload or Service selects. */
export function selectorFor(obj: KubeObject, kind: Kind): Selector {
  const o = obj as { spec?: { selector?: unknown }; metadata: { name?: string } }
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return fromLabelSelector(o.spec?.selector as never)
    case 'Service': {
      const sel = o.spec?.selector as Record<string, string> | undefined
      if (!sel || Object.keys(sel).length === 0) throw new KubectlError(`invalid service '${o.metadata.name}': Service is defined without a selector`)
      return fromMap(sel)
    }
    default:
      throw new KubectlError(`selector for ${goType(kind)} not implemented`)
  }
}

export interface TargetOptions {
  /** --pod-running-timeout: how long to wait for a selector to match a pod. */
  timeoutMs: number
  order: PodOrder
  /** `cannot attach to` (exec, attach, port-forward) or `cannot get the logs from` (logs). */
  verb: 'attach' | 'logs'
}

export async function findPod(inv: Invocation, arg: string, opts: TargetOptions): Promise<PodTarget> {
  const { kind, name } = resourceName(arg)
  const namespace = inv.namespace().namespace
  const object = inv.api.read(kind, namespace, name) as KubeObject
  if (kind === 'Pod') return { pod: object as unknown as Obj<'Pod'>, count: 1, object, kind }
  let selector: Selector
  try {
    selector = selectorFor(object, kind)
  } catch (e) {
    const what = opts.verb === 'attach' ? 'cannot attach to' : 'cannot get the logs from'
    throw new KubectlError(`${what} ${goType(kind)}: ${(e as Error).message}`)
  }
  const ns = object.metadata.namespace ?? namespace
  const list = () => inv.api.list('Pod', { namespace: ns, selector })
  if (list().length === 0) {
    // GetPodList: watch until a pod is added or modified, or the timeout passes.
    const ok = await inv.ctx.time.until(() => list().length > 0, opts.timeoutMs, inv.ctx.cancel)
    if (!ok) throw new KubectlError('timed out waiting for the condition')
  }
  const pods = sortPods(list(), opts.order)
  return { pod: pods[0], count: pods.length, object, kind }
}

/** podcmd.AllContainerNames: `nginx, sidecar, init (init)`. */
export function allContainerNames(pod: Obj<'Pod'>): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name)
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`)
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`)
  return names.join(', ')
}

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container'

/**
 * podcmd.FindOrDefaultContainerByName: a named container must exist (`container x not found in pod
 * web-0`); otherwise the default-container annotation, else the first container, with the
 * "Defaulted container" note on stderr when there was a choice.
 */
export function defaultContainer(inv: Invocation, pod: Obj<'Pod'>, name: string, quiet: boolean): string {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]
  if (name) {
    if (!all.some((c) => c.name === name)) throw new KubectlError(`container ${name} not found in pod ${pod.metadata.name}`)
    return name
  }
  const containers = pod.spec?.containers ?? []
  if (containers.length === 0) throw new KubectlError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`)
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER]
  if (annotated && all.some((c) => c.name === annotated)) return annotated
  const first = containers[0].name
  if (!quiet && (containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0)) {
    inv.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`)
  }
  return first
}
