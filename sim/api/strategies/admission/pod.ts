// The mutating admission plugins a kubeadm API server runs on pod create, in their plugin order:
// ServiceAccount, Priority, DefaultTolerationSeconds (plugin/pkg/admission/...). Their rejections
// are Forbidden errors (`pods "x" is forbidden: ...`), raised before validation.

import type { StrategyContext } from '../../strategy'
import type { Container, Pod, PodSpec, ServiceAccount, Toleration, Volume } from '../../types'
import { admissionForbidden } from '../common'

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
const TOKEN_VOLUME_PREFIX = 'kube-api-access-'
/** WarnOnlyBoundTokenExpirationSeconds: 1h + 7s, what every kube-api-access volume asks for. */
const TOKEN_EXPIRATION_SECONDS = 3607

/** serviceaccount.TokenVolumeSource: token, the cluster CA, and the namespace file. */
export function tokenVolumeSource(): NonNullable<Volume['projected']> {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  }
}

/** ServiceAccount admission: default the account, require it to exist, mount its API token. */
export function admitServiceAccount(pod: Pod, ctx: StrategyContext): void {
  const spec = pod.spec as PodSpec & { serviceAccount?: string }
  // Mirror pods are left alone.
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default'
  spec.serviceAccount = spec.serviceAccountName
  const ns = pod.metadata!.namespace!
  let sa = ctx.get('ServiceAccount', ns, spec.serviceAccountName) as ServiceAccount | undefined
  if (!sa && spec.serviceAccountName === 'default') {
    // For "default" the plugin waits (10 tries, ~1-2s) for the serviceaccount controller, which in a
    // running cluster creates it with the namespace. A request cannot wait here, so the account the
    // controller is about to create stands in for it.
    sa = { metadata: { name: 'default', namespace: ns } }
  }
  if (!sa) {
    throw admissionForbidden('Pod', pod.metadata!, `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`)
  }
  const automount = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true
  if (automount) mountToken(spec, ctx)
  if (!spec.imagePullSecrets?.length && sa.imagePullSecrets?.length) spec.imagePullSecrets = sa.imagePullSecrets.map((s) => ({ ...s }))
}

function mountToken(spec: PodSpec, ctx: StrategyContext): void {
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(TOKEN_VOLUME_PREFIX))
  const name = existing?.name ?? TOKEN_VOLUME_PREFIX + ctx.randomSuffix(5)
  let needed = false
  const mount = (c: Container) => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) return
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: TOKEN_MOUNT_PATH }]
    needed = true
  }
  for (const c of spec.initContainers ?? []) mount(c)
  for (const c of spec.containers ?? []) mount(c)
  if (!existing && needed) spec.volumes = [...(spec.volumes ?? []), { name, projected: tokenVolumeSource() }]
}

/** The built-in PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses). */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

/** Priority admission: resolve priorityClassName to spec.priority and spec.preemptionPolicy. */
export function admitPriority(pod: Pod): void {
  const spec = pod.spec!
  let priority = 0
  if (spec.priorityClassName) {
    const v = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName]
    if (v === undefined) throw admissionForbidden('Pod', pod.metadata!, `no PriorityClass with name ${spec.priorityClassName} was found`)
    priority = v
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw admissionForbidden(
      'Pod',
      pod.metadata!,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    )
  }
  spec.priority = priority
  const policy = 'PreemptLowerPriority'
  if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
    throw admissionForbidden(
      'Pod',
      pod.metadata!,
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    )
  }
  spec.preemptionPolicy = policy
}

/** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300s unless the pod says otherwise. */
export function admitDefaultTolerations(pod: Pod, seconds: number): void {
  const spec = pod.spec!
  const tolerates = (key: string) =>
    (spec.tolerations ?? []).some((t: Toleration) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const add: Toleration[] = []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds })
  }
  if (add.length) spec.tolerations = [...(spec.tolerations ?? []), ...add]
}
