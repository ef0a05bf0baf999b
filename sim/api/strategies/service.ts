// Service registry strategy and REST allocation (pkg/registry/core/service/strategy.go and
// storage/alloc.go): ClusterIPs and NodePorts are allocated on create (and when an update changes the
// type), the IP family fields are filled in, allocated values a PUT leaves out are carried over, and
// fields a new type does not use are dropped.

import type { KindStrategy } from '../strategy'
import type { Service } from '../types'
import { defaultService } from '../defaults/core'
import { isHeadless, validateService, validateServiceUpdate } from '../validation/service'
import { validateObjectMetaUpdate } from '../validation/meta'
import { allocateClusterIP, allocateNodePorts, needsNodePorts } from './service-alloc'
import { deepEqual } from '../../core/json'
import { isUpdate } from './common'

type Spec = NonNullable<Service['spec']>
type Mutable<T> = { -readonly [P in keyof T]: T[P] }

function needsClusterIP(spec: Spec | undefined): boolean {
  return spec?.type !== 'ExternalName'
}

/** NormalizeClusterIPs on create: a client that only sets clusterIP gets clusterIPs too. */
function normalizeOnCreate(spec: Spec): void {
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP]
}

/** initIPFamilyFields on a single-stack IPv4 cluster. */
function initIPFamilies(spec: Spec): void {
  if (!needsClusterIP(spec)) return
  if (isHeadless(spec) && !Object.keys(spec.selector ?? {}).length) {
    // Headless services without selectors default to RequireDualStack (all families the cluster has).
    spec.ipFamilyPolicy ??= 'RequireDualStack'
  }
  spec.ipFamilyPolicy ??= 'SingleStack'
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4']
}

/** patchAllocatedValues: a PUT that omits what was allocated keeps it. */
function patchAllocated(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP
    if (!spec.clusterIPs?.length && old.clusterIPs) spec.clusterIPs = [...old.clusterIPs]
    if (!spec.ipFamilies?.length && old.ipFamilies) spec.ipFamilies = [...old.ipFamilies]
    if (!spec.ipFamilyPolicy && old.ipFamilyPolicy) spec.ipFamilyPolicy = old.ipFamilyPolicy
  }
  const oldNeeds = old.type === 'NodePort' || old.type === 'LoadBalancer'
  const needs = spec.type === 'NodePort' || spec.type === 'LoadBalancer'
  if (oldNeeds && needs) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue
      const match = (old.ports ?? []).find((o) => o.port === p.port && o.protocol === p.protocol && (o.name ?? '') === (p.name ?? ''))
      if (match?.nodePort) p.nodePort = match.nodePort
    }
  }
}

/** dropTypeDependentFields: what the new type has no use for goes, unless the client changed it. */
function dropTypeDependent(svc: Service, old: Service): void {
  const spec = svc.spec!
  const oldSpec = old.spec!
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (spec.clusterIP === oldSpec.clusterIP && deepEqual(spec.clusterIPs, oldSpec.clusterIPs)) {
      delete spec.clusterIP
      delete spec.clusterIPs
    }
    if (deepEqual(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy
  }
  const oldNeeds = oldSpec.type === 'NodePort' || oldSpec.type === 'LoadBalancer'
  const needs = spec.type === 'NodePort' || spec.type === 'LoadBalancer'
  const sameNodePorts = deepEqual(
    (spec.ports ?? []).map((p) => p.nodePort ?? 0),
    (oldSpec.ports ?? []).map((p) => p.nodePort ?? 0),
  )
  if (oldNeeds && !needs && sameNodePorts) for (const p of spec.ports ?? []) delete p.nodePort
  if (spec.type !== 'LoadBalancer') delete spec.allocateLoadBalancerNodePorts
  if (!needs && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy
  if (spec.type !== 'LoadBalancer') (svc as Mutable<Service>).status = { loadBalancer: {} }
}

export function createServiceStrategy(serviceCIDR: string): KindStrategy {
  return {
    defaults(obj) {
      defaultService(obj as Service)
    },
    prepareForCreate(obj, ctx) {
      const svc = obj as Mutable<Service>
      svc.status = { loadBalancer: {} }
      const spec = svc.spec!
      normalizeOnCreate(spec)
      allocateClusterIP(svc, serviceCIDR, ctx)
      initIPFamilies(spec)
      allocateNodePorts(svc, ctx)
    },
    prepareForUpdate(obj, old, ctx) {
      const svc = obj as Service
      const prev = old as Service
      patchAllocated(svc.spec!, prev.spec!)
      dropTypeDependent(svc, prev)
      // A type change may need new allocations (ExternalName -> ClusterIP, ClusterIP -> NodePort).
      if (needsClusterIP(svc.spec) && !needsClusterIP(prev.spec)) {
        allocateClusterIP(svc, serviceCIDR, ctx)
        initIPFamilies(svc.spec!)
      }
      if (needsNodePorts(svc)) allocateNodePorts(svc, ctx, prev.metadata?.uid)
    },
    validate(obj, ctx) {
      return isUpdate('Service', obj, ctx) ? [] : validateService(obj as Service)
    },
    validateUpdate(obj, old) {
      return validateServiceUpdate(obj as Service, old as Service)
    },
    validateStatusUpdate(obj, old) {
      return validateObjectMetaUpdate(obj.metadata, old.metadata)
    },
    defaultPropagation: 'Background',
  }
}
