// What `kubectl rollout status` says about one object at one moment (kubectl
// pkg/polymorphichelpers/rollout_status.go: DeploymentStatusViewer, StatefulSetStatusViewer). Pure:
// the verb calls it for every watch event and prints the message, stopping once `done`.

import type { Deployment, KubeObject, StatefulSet } from '../../../api/types'
import { KubectlError } from '../../errors'
import type { KindInfo } from '../../../api/kinds'
import { groupKindString } from './visit'

export interface RolloutStatus {
  message: string
  done: boolean
}

/** deploymentutil.TimedOutReason: the Progressing condition's reason once the deadline passed. */
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/** StatusViewerFor: only the kinds with a viewer (DaemonSets are not served here). */
export function statusViewerFor(mapping: KindInfo): ((obj: KubeObject, revision: number) => RolloutStatus) | undefined {
  if (mapping.kind === 'Deployment') return (o, r) => deploymentStatus(o as Deployment, r)
  if (mapping.kind === 'StatefulSet') return (o) => statefulSetStatus(o as StatefulSet)
  return undefined
}

export function noStatusViewerError(mapping: KindInfo): KubectlError {
  return new KubectlError(`no status viewer has been implemented for ${groupKindString(mapping)}`)
}

export function deploymentStatus(d: Deployment, revision: number): RolloutStatus {
  const name = d.metadata?.name ?? ''
  if (revision > 0) {
    const raw = d.metadata?.annotations?.[REVISION_ANNOTATION]
    const current = raw === undefined ? 0 : Number(raw)
    if (raw !== undefined && !/^-?\d+$/.test(raw)) {
      throw new KubectlError(`cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${raw}": invalid syntax`)
    }
    if (revision !== current) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${current})`)
  }
  const st = d.status ?? {}
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing')
    if (progressing?.reason === TIMED_OUT_REASON) throw new KubectlError(`deployment "${name}" exceeded its progress deadline`)
    const replicas = d.spec?.replicas
    const updated = st.updatedReplicas ?? 0
    if (replicas !== undefined && updated < replicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false }
    }
    if ((st.replicas ?? 0) > updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false }
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false }
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true }
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false }
}

export function statefulSetStatus(sts: StatefulSet): RolloutStatus {
  const strategy = sts.spec?.updateStrategy
  // Upstream returns done=true with the error; either way the command stops with it.
  if (strategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type')
  const st = sts.status ?? { replicas: 0 }
  const observed = st.observedGeneration ?? 0
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false }
  }
  const replicas = sts.spec?.replicas
  const ready = st.readyReplicas ?? 0
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false }
  const updated = st.updatedReplicas ?? 0
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false }
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true }
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision ?? ''}...\n`, done: false }
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...\n`, done: true }
}
