// What a pod asks of a node and what a node has left, as NodeResourcesFit counts them
// (noderesources/fit.go computePodResourceRequest, framework.NodeInfo Requested / NonZeroRequested).

import type { Container, Node, Pod } from 'kubernetes-types/core/v1'
import { parseQuantity } from '../../api/quantity'

/** Amounts in base units: cpu in millicores, memory and ephemeral-storage in bytes. */
export interface Resources {
  milliCPU: number
  memory: number
  ephemeralStorage: number
  /** Extended resources (e.g. nvidia.com/gpu), by name. */
  scalar: Record<string, number>
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} }
}

// schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for a container with no requests.
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

const IGNORED = new Set(['pods', 'hugepages-1Gi', 'hugepages-2Mi'])

/** A container's request of `name`; API defaulting copies a limit into a missing request. */
function requestOf(c: Container, name: string): number | undefined {
  const q = c.resources?.requests?.[name] ?? c.resources?.limits?.[name]
  if (q === undefined) return undefined
  const v = parseQuantity(q as string)
  if (v === undefined) return undefined
  return name === 'cpu' ? Math.round(v * 1000) : v
}

function containerResources(c: Container, nonZero: boolean): Resources {
  const r = emptyResources()
  const names = new Set([...Object.keys(c.resources?.requests ?? {}), ...Object.keys(c.resources?.limits ?? {})])
  for (const name of names) {
    const v = requestOf(c, name) ?? 0
    if (name === 'cpu') r.milliCPU = v
    else if (name === 'memory') r.memory = v
    else if (name === 'ephemeral-storage') r.ephemeralStorage = v
    else if (!IGNORED.has(name)) r.scalar[name] = v
  }
  if (nonZero) {
    if (requestOf(c, 'cpu') === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST
    if (requestOf(c, 'memory') === undefined) r.memory = DEFAULT_MEMORY_REQUEST
  }
  return r
}

export function add(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar }
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) + v
  return { milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage, scalar }
}

/** a - b: takes a pod's requests back out of a node's sums. */
export function subtract(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar }
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) - v
  return { milliCPU: a.milliCPU - b.milliCPU, memory: a.memory - b.memory, ephemeralStorage: a.ephemeralStorage - b.ephemeralStorage, scalar }
}

function max(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar }
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = Math.max(scalar[k] ?? 0, v)
  return {
    milliCPU: Math.max(a.milliCPU, b.milliCPU),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
    scalar,
  }
}

/**
 * resourcehelper.PodRequests: the containers' sum (plus restartable "sidecar" init containers), or the
 * largest init container (plus the sidecars started before it) if that is larger; plus the overhead.
 * `nonZero` applies the scoring defaults to containers without requests.
 */
// Every scheduling cycle adds up the requests of every pod on every node; a stored pod's spec is
// immutable (and shared by its later versions), so its requests are worked out once per spec object.
const requestsBySpec = new WeakMap<object, Resources>()
const nonZeroRequestsBySpec = new WeakMap<object, Resources>()

export function podRequests(pod: Pod, nonZero = false): Resources {
  const spec = pod.spec
  if (!spec || !Object.isFrozen(spec)) return computePodRequests(pod, nonZero)
  const cache = nonZero ? nonZeroRequestsBySpec : requestsBySpec
  let r = cache.get(spec)
  if (!r) {
    r = computePodRequests(pod, nonZero)
    Object.freeze(r.scalar)
    cache.set(spec, Object.freeze(r))
  }
  return r
}

function computePodRequests(pod: Pod, nonZero: boolean): Resources {
  let sum = emptyResources()
  for (const c of pod.spec?.containers ?? []) sum = add(sum, containerResources(c, nonZero))
  let sidecars = emptyResources()
  let initMax = emptyResources()
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerResources(c, nonZero)
    if (c.restartPolicy === 'Always') {
      sum = add(sum, r)
      sidecars = add(sidecars, r)
    } else {
      initMax = max(initMax, add(r, sidecars))
    }
  }
  let total = max(sum, initMax)
  const overhead = pod.spec?.overhead
  if (overhead) total = add(total, containerResources({ name: 'overhead', resources: { requests: overhead } }, false))
  return total
}

export interface Allocatable extends Resources {
  pods: number
}

// Filter and both resource scores ask for every node's allocatable in every cycle; a stored node's
// allocatable map is frozen and kept by its status writes, so it is parsed once per map.
const allocatableByMap = new WeakMap<object, Allocatable>()

export function nodeAllocatable(node: Node): Allocatable {
  const a = node.status?.allocatable
  if (!a || !Object.isFrozen(a)) return computeAllocatable(a ?? {})
  let r = allocatableByMap.get(a)
  if (!r) {
    r = computeAllocatable(a)
    Object.freeze(r.scalar)
    allocatableByMap.set(a, Object.freeze(r))
  }
  return r
}

function computeAllocatable(a: NonNullable<NonNullable<Node['status']>['allocatable']>): Allocatable {
  const r = containerResources({ name: 'node', resources: { requests: a } }, false)
  const pods = parseQuantity(a.pods as string | undefined)
  return { ...r, pods: pods === undefined ? 0 : Math.floor(pods) }
}

/** The resource names NodeResourcesFit reports, in its order: pods, cpu, memory, ephemeral-storage, then extended. */
export function insufficientResources(request: Resources, allocatable: Allocatable, requested: Resources, podCount: number): string[] {
  const out: string[] = []
  if (podCount + 1 > allocatable.pods) out.push('Too many pods')
  const empty = request.milliCPU === 0 && request.memory === 0 && request.ephemeralStorage === 0 && Object.keys(request.scalar).length === 0
  if (empty) return out
  if (request.milliCPU > 0 && request.milliCPU > allocatable.milliCPU - requested.milliCPU) out.push('Insufficient cpu')
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) out.push('Insufficient memory')
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage) {
    out.push('Insufficient ephemeral-storage')
  }
  for (const name of Object.keys(request.scalar).sort()) {
    const want = request.scalar[name]
    if (want === 0) continue
    if (want > (allocatable.scalar[name] ?? 0) - (requested.scalar[name] ?? 0)) out.push(`Insufficient ${name}`)
  }
  return out
}
