// ValidatePodSpec and ValidatePodTemplateSpec (pkg/apis/core/validation/validation.go), in upstream's
// order: volumes, containers, init containers, then the pod-level fields.

import { fieldError, type FieldError } from '../field-errors'
import type { PodSpec, PodTemplateSpec, Toleration } from '../types'
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isValidLabelValue } from './names'
import { validateAnnotations, validateLabelName, validateLabels, validateLabelSelector } from './meta'
import { validateVolumes } from './volumes'
import { validateContainers, validateInitContainers } from './containers'

type Src = Record<string, unknown>

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

export interface PodSpecOptions {
  /** The spec belongs to a Pod, not a template (hostNetwork ports must then match). */
  isPod?: boolean
}

export function validateTolerations(tolerations: readonly Toleration[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  ;(tolerations ?? []).forEach((t, i) => {
    const idx = `${field}[${i}]`
    if (t.key) errs.push(...validateLabelName(t.key, `${idx}.key`))
    if (!t.key && t.operator !== 'Exists') {
      errs.push(fieldError.invalid(`${idx}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(fieldError.invalid(`${idx}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '')
        if (msgs.length) errs.push(fieldError.invalid(`${idx}.operator`, t.value ?? '', msgs.join(';')))
        break
      }
      case 'Exists':
        if (t.value) errs.push(fieldError.invalid(`${idx}.operator`, t.value, "value must be empty when `operator` is 'Exists'"))
        break
      default:
        errs.push(fieldError.notSupported(`${idx}.operator`, t.operator, ['Equal', 'Exists']))
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(fieldError.notSupported(`${idx}.effect`, t.effect, TAINT_EFFECTS))
  })
  return errs
}

function nodeSelectorTerms(sel: Src | undefined, field: string): FieldError[] {
  const terms = (sel?.nodeSelectorTerms as Src[] | undefined) ?? []
  if (!terms.length) return [fieldError.required(`${field}.nodeSelectorTerms`, 'must have at least one node selector term')]
  const errs: FieldError[] = []
  terms.forEach((term, i) =>
    ((term.matchExpressions as Src[] | undefined) ?? []).forEach((r, j) => {
      const p = `${field}.nodeSelectorTerms[${i}].matchExpressions[${j}]`
      const values = (r.values as string[] | undefined) ?? []
      switch (r.operator) {
        case 'In':
        case 'NotIn':
          if (!values.length) errs.push(fieldError.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
          break
        case 'Exists':
        case 'DoesNotExist':
          if (values.length) errs.push(fieldError.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
          break
        case 'Gt':
        case 'Lt':
          if (values.length !== 1) errs.push(fieldError.required(`${p}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"))
          break
        default:
          errs.push(fieldError.invalid(`${p}.operator`, String(r.operator ?? ''), 'not a valid selector operator'))
      }
      errs.push(...validateLabelName(String(r.key ?? ''), `${p}.key`))
      values.forEach((v, k) => {
        for (const m of isValidLabelValue(v)) errs.push(fieldError.invalid(`${p}.values[${k}]`, v, m))
      })
    }),
  )
  return errs
}

function podAffinityTerm(term: Src, field: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector as never, `${field}.labelSelector`)
  errs.push(...validateLabelSelector(term.namespaceSelector as never, `${field}.namespaceSelector`))
  for (const ns of (term.namespaces as string[] | undefined) ?? []) for (const m of isDNS1123Label(ns)) errs.push(fieldError.invalid(`${field}.namespace`, ns, m))
  if (!term.topologyKey) errs.push(fieldError.required(`${field}.topologyKey`, 'can not be empty'))
  return [...errs, ...validateLabelName(String(term.topologyKey ?? ''), `${field}.topologyKey`)]
}

function affinity(a: Src | undefined, field: string): FieldError[] {
  if (!a) return []
  const errs: FieldError[] = []
  const na = a.nodeAffinity as Src | undefined
  if (na) {
    const req = na.requiredDuringSchedulingIgnoredDuringExecution as Src | undefined
    if (req) errs.push(...nodeSelectorTerms(req, `${field}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`))
    ;((na.preferredDuringSchedulingIgnoredDuringExecution as Src[] | undefined) ?? []).forEach((t, i) => {
      const w = Number(t.weight ?? 0)
      if (w <= 0 || w > 100) errs.push(fieldError.invalid(`${field}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}].weight`, w, 'must be in the range 1-100'))
    })
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = a[kind] as Src | undefined
    if (!pa) continue
    const base = `${field}.${kind}`
    ;((pa.requiredDuringSchedulingIgnoredDuringExecution as Src[] | undefined) ?? []).forEach((t, i) =>
      errs.push(...podAffinityTerm(t, `${base}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
    )
    ;((pa.preferredDuringSchedulingIgnoredDuringExecution as Src[] | undefined) ?? []).forEach((t, i) => {
      const p = `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`
      const w = Number(t.weight ?? 0)
      if (w <= 0 || w > 100) errs.push(fieldError.invalid(`${p}.weight`, w, 'must be in the range 1-100'))
      errs.push(...podAffinityTerm((t.podAffinityTerm as Src) ?? {}, `${p}.podAffinityTerm`))
    })
  }
  return errs
}

function podSecurityContext(sc: Src | undefined, field: string): FieldError[] {
  if (!sc) return []
  const errs: FieldError[] = []
  for (const f of ['fsGroup', 'runAsUser', 'runAsGroup']) {
    const v = sc[f] as number | undefined
    if (typeof v === 'number' && (v < 0 || v > 2147483647)) errs.push(fieldError.invalid(`${field}.${f}`, v, inclusiveRangeError(0, 2147483647)))
  }
  return errs
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: PodSpec | undefined, field: string, opts: PodSpecOptions = {}): FieldError[] {
  const s = (spec ?? {}) as PodSpec
  const errs: FieldError[] = []
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) errs.push(fieldError.required(`${field}.terminationGracePeriodSeconds`))
  const { vols, errs: vErrs } = validateVolumes(s.volumes, `${field}.volumes`)
  errs.push(...vErrs)
  const ctx = { vols, gracePeriod: s.terminationGracePeriodSeconds ?? undefined, restartPolicy: s.restartPolicy }
  errs.push(...validateContainers(s.containers, `${field}.containers`, ctx))
  errs.push(...validateInitContainers(s.initContainers, s.containers, `${field}.initContainers`, ctx))
  if (s.hostNetwork) {
    s.containers?.forEach((c, i) =>
      (c.ports ?? []).forEach((p, j) => {
        if ((opts.isPod || p.hostPort) && p.hostPort !== p.containerPort) {
          errs.push(fieldError.invalid(`${field}.containers[${i}].ports[${j}].hostPort`, p.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'))
        }
      }),
    )
  }
  const rp = s.restartPolicy ?? ''
  if (!rp) errs.push(fieldError.required(`${field}.restartPolicy`))
  else if (!RESTART_POLICIES.includes(rp)) errs.push(fieldError.notSupported(`${field}.restartPolicy`, rp, RESTART_POLICIES))
  const dp = s.dnsPolicy ?? ''
  if (!dp) errs.push(fieldError.required(`${field}.dnsPolicy`))
  else if (!DNS_POLICIES.includes(dp)) errs.push(fieldError.notSupported(`${field}.dnsPolicy`, dp, DNS_POLICIES))
  errs.push(...validateLabels(s.nodeSelector, `${field}.nodeSelector`))
  errs.push(...podSecurityContext(s.securityContext as Src | undefined, `${field}.securityContext`))
  errs.push(...affinity(s.affinity as Src | undefined, `${field}.affinity`))
  if (s.dnsPolicy === 'None' && !s.dnsConfig) errs.push(fieldError.required(`${field}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'))
  if (s.serviceAccountName) for (const m of isDNS1123Subdomain(s.serviceAccountName)) errs.push(fieldError.invalid(`${field}.serviceAccountName`, s.serviceAccountName, m))
  if (s.nodeName) for (const m of isDNS1123Subdomain(s.nodeName)) errs.push(fieldError.invalid(`${field}.nodeName`, s.nodeName, m))
  const ads = s.activeDeadlineSeconds
  if (ads !== undefined && ads !== null && (ads < 1 || ads > 2147483647)) errs.push(fieldError.invalid(`${field}.activeDeadlineSeconds`, ads, inclusiveRangeError(1, 2147483647)))
  if (s.hostname) for (const m of isDNS1123Label(s.hostname)) errs.push(fieldError.invalid(`${field}.hostname`, s.hostname, m))
  if (s.subdomain) for (const m of isDNS1123Label(s.subdomain)) errs.push(fieldError.invalid(`${field}.subdomain`, s.subdomain, m))
  errs.push(...validateTolerations(s.tolerations, `${field}.tolerations`))
  if (s.priorityClassName) for (const m of isDNS1123Subdomain(s.priorityClassName)) errs.push(fieldError.invalid(`${field}.priorityClassName`, s.priorityClassName, m))
  const pp = s.preemptionPolicy
  if (pp !== undefined && pp !== null && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(pp ? fieldError.notSupported(`${field}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']) : fieldError.required(`${field}.preemptionPolicy`))
  }
  return errs
}

/** ValidatePodTemplateSpec: the full pod spec check Deployments and ReplicaSets run on their template. */
export function validatePodTemplateSpec(t: PodTemplateSpec | undefined, field: string): FieldError[] {
  const meta = t?.metadata ?? {}
  const errs = validateLabels(meta.labels, `${field}.labels`)
  errs.push(...validateAnnotations(meta.annotations, `${field}.annotations`))
  errs.push(...validatePodSpec(t?.spec, `${field}.spec`))
  if ((t?.spec as { ephemeralContainers?: unknown[] } | undefined)?.ephemeralContainers?.length) {
    errs.push(fieldError.forbidden(`${field}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'))
  }
  return errs
}
