// apps/v1 defaulting (pkg/apis/apps/v1/defaults.go): StatefulSet, Deployment, ReplicaSet, plus
// the pod template and volume claim template defaults their specs carry.

import type { Deployment, ReplicaSet, StatefulSet } from '../types'
import { defaultPodTemplate, defaultResourceList } from './pod'

type Obj = Record<string, unknown>

export interface AppsDefaultsOptions {
  /** Feature gate MaxUnavailableStatefulSet (off by default in 1.33). */
  maxUnavailableStatefulSet: boolean
}

/** SetDefaults_StatefulSet (reference §4.1) and the embedded claim templates (SetDefaults_PersistentVolumeClaim*). */
export function defaultStatefulSet(sts: StatefulSet, opts: AppsDefaultsOptions): void {
  const spec = (sts.spec ??= {} as NonNullable<StatefulSet['spec']>)
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady'
  const us = (spec.updateStrategy ??= {})
  if (!us.type) {
    us.type = 'RollingUpdate'
    // Only a defaulted type brings a defaulted rollingUpdate; an explicit RollingUpdate without one stays nil.
    us.rollingUpdate ??= {}
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate) {
    us.rollingUpdate.partition ??= 0
    if (opts.maxUnavailableStatefulSet) us.rollingUpdate.maxUnavailable ??= 1
  }
  const rp = (spec.persistentVolumeClaimRetentionPolicy ??= {})
  if (!rp.whenDeleted) rp.whenDeleted = 'Retain'
  if (!rp.whenScaled) rp.whenScaled = 'Retain'
  spec.replicas ??= 1
  spec.revisionHistoryLimit ??= 10
  defaultPodTemplate(spec.template)
  for (const vct of spec.volumeClaimTemplates ?? []) {
    const w = vct as unknown as Obj
    // Each template is a full PersistentVolumeClaim as far as decoding goes.
    if (!w.apiVersion) w.apiVersion = 'v1'
    if (!w.kind) w.kind = 'PersistentVolumeClaim'
    const meta = ((w.metadata ?? {}) as Obj)
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null
    w.metadata = meta
    const vspec = ((w.spec ?? {}) as Obj)
    w.spec = vspec
    if (!vspec.volumeMode) vspec.volumeMode = 'Filesystem'
    const res = vspec.resources as Obj | undefined
    if (res?.requests) defaultResourceList(res.requests as Obj)
    if (res?.limits) defaultResourceList(res.limits as Obj)
    const status = ((w.status ?? {}) as Obj)
    if (!status.phase) status.phase = 'Pending'
    w.status = status
  }
}

/** SetDefaults_Deployment. */
export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= {} as NonNullable<Deployment['spec']>)
  spec.replicas ??= 1
  const strategy = (spec.strategy ??= {})
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {})
    ru.maxUnavailable ??= '25%'
    ru.maxSurge ??= '25%'
  }
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  defaultPodTemplate(spec.template)
}

/** SetDefaults_ReplicaSet. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= {} as NonNullable<ReplicaSet['spec']>)
  spec.replicas ??= 1
  defaultPodTemplate(spec.template)
}
