// Containers of a pod spec (pkg/apis/core/validation: validateContainers, validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateVolumeMounts, probes, resources), in upstream's order.

import { fieldError, type FieldError } from '../field-errors'
import type { Container } from '../types'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum } from './names'
import { lifecycle, probe, resources, securityContext } from './container-fields'
import { keySelector, localDescendingPath, type VolumeMap } from './volumes'

type Src = Record<string, unknown>

export interface ContainerContext {
  vols: VolumeMap
  gracePeriod: number | undefined
  restartPolicy: string | undefined
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

function ports(list: Container['ports'], field: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(list ?? []).forEach((p, i) => {
    const idx = `${field}[${i}]`
    if (p.name) {
      const msgs = isValidPortName(p.name)
      if (msgs.length) for (const m of msgs) errs.push(fieldError.invalid(`${idx}.name`, p.name, m))
      else if (names.has(p.name)) errs.push(fieldError.duplicate(`${idx}.name`, p.name))
      else names.add(p.name)
    }
    if (!p.containerPort) errs.push(fieldError.required(`${idx}.containerPort`))
    else for (const m of isValidPortNum(p.containerPort)) errs.push(fieldError.invalid(`${idx}.containerPort`, p.containerPort, m))
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(fieldError.invalid(`${idx}.hostPort`, p.hostPort, m))
    if (!p.protocol) errs.push(fieldError.required(`${idx}.protocol`))
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldError.notSupported(`${idx}.protocol`, p.protocol, PROTOCOLS))
  })
  return errs
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']
const ENV_RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory']

/** RelaxedEnvironmentVariableValidation is on by default in 1.33: any printable ASCII but '='. */
function relaxedEnvName(name: string): string[] {
  for (const ch of name) {
    const c = ch.codePointAt(0)!
    if (c > 0x7e || c < 0x20 || ch === '=') return ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
  }
  return []
}

function env(list: Container['env'], field: string): FieldError[] {
  const errs: FieldError[] = []
  ;(list ?? []).forEach((e, i) => {
    const idx = `${field}[${i}]`
    if (!e.name) errs.push(fieldError.required(`${idx}.name`))
    else for (const m of relaxedEnvName(e.name)) errs.push(fieldError.invalid(`${idx}.name`, e.name, m))
    const from = e.valueFrom as Src | undefined
    if (!from) return
    const vf = `${idx}.valueFrom`
    let n = 0
    const ref = from.fieldRef as Src | undefined
    if (ref) {
      n++
      const fp = String(ref.fieldPath ?? '')
      const sub = /^(metadata\.(?:labels|annotations))\[(.*)\]$/.exec(fp)
      if (!ref.fieldPath) errs.push(fieldError.required(`${vf}.fieldRef.fieldPath`))
      else if (sub) for (const m of isQualifiedName(sub[1].endsWith('annotations') ? sub[2].toLowerCase() : sub[2])) errs.push(fieldError.invalid(`${vf}.fieldRef`, sub[2], m))
      else if (!ENV_FIELD_PATHS.includes(fp)) errs.push(fieldError.notSupported(`${vf}.fieldRef.fieldPath`, fp, ENV_FIELD_PATHS))
    }
    const rf = from.resourceFieldRef as Src | undefined
    if (rf) {
      n++
      const r = String(rf.resource ?? '')
      if (!r) errs.push(fieldError.required(`${vf}.resourceFieldRef.resource`))
      else if (!ENV_RESOURCES.includes(r) && !/^(requests|limits)\.hugepages-/.test(r)) errs.push(fieldError.notSupported(`${vf}.resourceFieldRef.resource`, r, ENV_RESOURCES))
    }
    if (from.configMapKeyRef) {
      n++
      errs.push(...keySelector(from.configMapKeyRef as Src, `${vf}.configMapKeyRef`))
    }
    if (from.secretKeyRef) {
      n++
      errs.push(...keySelector(from.secretKeyRef as Src, `${vf}.secretKeyRef`))
    }
    if (n === 0) errs.push(fieldError.invalid(vf, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
    else if (e.value) errs.push(fieldError.invalid(vf, '', 'may not be specified when `value` is not empty'))
    else if (n > 1) errs.push(fieldError.invalid(vf, '', 'may not have more than one field specified at a time'))
  })
  return errs
}

function envFrom(list: Container['envFrom'], field: string): FieldError[] {
  const errs: FieldError[] = []
  ;(list ?? []).forEach((e, i) => {
    const idx = `${field}[${i}]`
    if (e.prefix) for (const m of relaxedEnvName(e.prefix)) errs.push(fieldError.invalid(`${idx}.prefix`, e.prefix, m))
    let n = 0
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = e[kind] as Src | undefined
      if (!ref) continue
      n++
      if (!ref.name) errs.push(fieldError.required(`${idx}.${kind}.name`))
      else for (const m of isDNS1123Subdomain(maskDash(String(ref.name)))) errs.push(fieldError.invalid(`${idx}.${kind}.name`, String(ref.name), m))
    }
    if (n === 0) errs.push(fieldError.invalid(field, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (n > 1) errs.push(fieldError.invalid(field, '', 'may not have more than one field specified at a time'))
  })
  return errs
}

function maskDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name
}

function volumeMounts(c: Container, vols: VolumeMap, field: string): FieldError[] {
  const errs: FieldError[] = []
  const paths = new Set<string>()
  ;(c.volumeMounts ?? []).forEach((m, i) => {
    const idx = `${field}[${i}]`
    if (!m.name) errs.push(fieldError.required(`${idx}.name`))
    if (!vols.has(m.name)) errs.push(fieldError.notFound(`${idx}.name`, m.name))
    if (!m.mountPath) errs.push(fieldError.required(`${idx}.mountPath`))
    if (paths.has(m.mountPath)) errs.push(fieldError.invalid(`${idx}.mountPath`, m.mountPath, 'must be unique'))
    paths.add(m.mountPath)
    // Upstream passes the list path, not the item path, for subPath errors.
    if (m.subPath) errs.push(...localDescendingPath(m.subPath, `${field}.subPath`))
    if (m.subPathExpr) {
      if (m.subPath) errs.push(fieldError.invalid(`${idx}.subPathExpr`, m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'))
      errs.push(...localDescendingPath(m.subPathExpr, `${field}.subPathExpr`))
    }
    if (m.mountPropagation) {
      const ok = ['Bidirectional', 'HostToContainer', 'None']
      if (!ok.includes(m.mountPropagation)) errs.push(fieldError.notSupported(`${field}.mountPropagation`, m.mountPropagation, ok))
      else if (m.mountPropagation === 'Bidirectional' && !c.securityContext?.privileged) {
        errs.push(fieldError.forbidden(`${field}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'))
      }
    }
  })
  return errs
}

/** validateContainerCommon: what every kind of container must satisfy. */
function common(c: Container, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(fieldError.required(`${path}.name`))
  else for (const m of isDNS1123Label(c.name)) errs.push(fieldError.invalid(`${path}.name`, c.name, m))
  if (!c.image) errs.push(fieldError.required(`${path}.image`))
  const tmp = c.terminationMessagePolicy
  if (!tmp) errs.push(fieldError.required(`${path}.terminationMessagePolicy`))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(fieldError.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']))
  errs.push(...ports(c.ports, `${path}.ports`))
  errs.push(...env(c.env, `${path}.env`))
  errs.push(...envFrom(c.envFrom, `${path}.envFrom`))
  errs.push(...volumeMounts(c, ctx.vols, `${path}.volumeMounts`))
  const pp = c.imagePullPolicy
  if (!pp) errs.push(fieldError.required(`${path}.imagePullPolicy`))
  else if (!PULL_POLICIES.includes(pp)) errs.push(fieldError.notSupported(`${path}.imagePullPolicy`, pp, PULL_POLICIES))
  errs.push(...resources(c, `${path}.resources`))
  errs.push(...securityContext(c.securityContext as Src | undefined, `${path}.securityContext`))
  return errs
}

function hostPortConflicts(containers: readonly Container[], field: string): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((c, ci) =>
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`
      if (seen.has(key)) errs.push(fieldError.duplicate(`${field}[${ci}].ports[${pi}].hostPort`, key))
      else seen.add(key)
    }),
  )
  return errs
}

export function validateContainers(containers: readonly Container[] | undefined, field: string, ctx: ContainerContext): FieldError[] {
  if (!containers?.length) return [fieldError.required(field)]
  const errs: FieldError[] = []
  const names = new Set<string>()
  containers.forEach((c, i) => {
    const path = `${field}[${i}]`
    errs.push(...common(c, path, ctx))
    if (names.has(c.name)) errs.push(fieldError.duplicate(`${path}.name`, c.name))
    else names.add(c.name)
    errs.push(...lifecycle(c.lifecycle as Src | undefined, `${path}.lifecycle`, ctx.gracePeriod))
    errs.push(...probe(c.livenessProbe as Src | undefined, `${path}.livenessProbe`, ctx, 'liveness'))
    errs.push(...probe(c.readinessProbe as Src | undefined, `${path}.readinessProbe`, ctx, 'readiness'))
    errs.push(...probe(c.startupProbe as Src | undefined, `${path}.startupProbe`, ctx, 'startup'))
    if ((c as { restartPolicy?: string }).restartPolicy) errs.push(fieldError.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'))
  })
  return [...errs, ...hostPortConflicts(containers, field)]
}

export function validateInitContainers(init: readonly Container[] | undefined, regular: readonly Container[] | undefined, field: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set((regular ?? []).map((c) => c.name))
  ;(init ?? []).forEach((c, i) => {
    const path = `${field}[${i}]`
    errs.push(...common(c, path, ctx))
    const rp = (c as { restartPolicy?: string }).restartPolicy
    if (rp !== undefined && rp !== 'Always') errs.push(fieldError.notSupported(`${path}.restartPolicy`, rp, ['Always']))
    if (names.has(c.name)) errs.push(fieldError.duplicate(`${path}.name`, c.name))
    else if (c.name) names.add(c.name)
    errs.push(...hostPortConflicts([c], field))
    if (rp === 'Always') {
      errs.push(...lifecycle(c.lifecycle as Src | undefined, `${path}.lifecycle`, ctx.gracePeriod))
      errs.push(...probe(c.livenessProbe as Src | undefined, `${path}.livenessProbe`, ctx, 'liveness'))
      errs.push(...probe(c.readinessProbe as Src | undefined, `${path}.readinessProbe`, ctx, 'readiness'))
      errs.push(...probe(c.startupProbe as Src | undefined, `${path}.startupProbe`, ctx, 'startup'))
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f]) errs.push(fieldError.forbidden(`${path}.${f}`, 'may not be set for init containers without restartPolicy=Always'))
      }
    }
  })
  return errs
}

/** validateContainerOnlyForPod: images of real pods may not carry surrounding whitespace. */
export function imageWhitespace(containers: readonly Container[] | undefined, field: string): FieldError[] {
  return (containers ?? []).flatMap((c, i) =>
    c.image !== undefined && c.image !== c.image.trim() ? [fieldError.invalid(`${field}[${i}].image`, c.image, 'must not have leading or trailing whitespace')] : [],
  )
}
