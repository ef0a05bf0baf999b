// Validation of the simpler core kinds: ConfigMap, Secret, ServiceAccount, Namespace, Node, Event,
// Endpoints (pkg/apis/core/validation), EndpointSlice (pkg/apis/discovery/validation) and
// PodDisruptionBudget (pkg/apis/policy/validation).

import { deepEqual } from '../../core/json'
import { fieldError, GoValue, type FieldError } from '../field-errors'
import type { ConfigMap, EndpointSlice, Endpoints, Event, KubeObject, Namespace, Node, PodDisruptionBudget, Secret } from '../types'
import { byteLength, isConfigMapKey, isDNS1123Label, isQualifiedName, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain, parseIPv4, INVALID_IP } from './names'
import { validateLabelName, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { goPointer, tooLong } from './go-value'
import { notMoreThan100Percent, positiveIntOrPercent } from './statefulset'

const MAX_SECRET_SIZE = 1024 * 1024
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set'

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata!, true, nameIsDNSSubdomain)
  let size = 0
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(fieldError.invalid(`data[${k}]`, k, m))
    if (cm.binaryData && k in cm.binaryData) errs.push(fieldError.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'))
    size += byteLength(String(v))
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(fieldError.invalid(`binaryData[${k}]`, k, m))
    size += Math.floor((String(v).length * 3) / 4)
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE))
  return errs
}

function immutableData(obj: { immutable?: boolean; data?: unknown; binaryData?: unknown }, old: typeof obj, dataKeys: readonly string[]): FieldError[] {
  if (!old.immutable) return []
  const errs: FieldError[] = []
  if (!obj.immutable) errs.push(fieldError.forbidden('immutable', IMMUTABLE_WHEN_SET))
  for (const k of dataKeys) {
    if (!deepEqual((obj as Record<string, unknown>)[k] ?? null, (old as Record<string, unknown>)[k] ?? null)) errs.push(fieldError.forbidden(k, IMMUTABLE_WHEN_SET))
  }
  return errs
}

export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  return [...validateObjectMetaUpdate(cm.metadata!, old.metadata!), ...immutableData(cm, old, ['data', 'binaryData']), ...validateConfigMap(cm)]
}

export function validateSecret(s: Secret): FieldError[] {
  const errs = validateObjectMeta(s.metadata!, true, nameIsDNSSubdomain)
  let size = 0
  for (const [k, v] of Object.entries(s.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(fieldError.invalid(`data[${k}]`, k, m))
    size += Math.floor((String(v).length * 3) / 4)
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE))
  const data = s.data ?? {}
  const need = (key: string) => (key in data ? [] : [fieldError.required(`data[${key}]`)])
  switch (s.type ?? '') {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata?.annotations?.['kubernetes.io/service-account.name']) errs.push(fieldError.required('metadata.annotations[kubernetes.io/service-account.name]'))
      break
    case 'kubernetes.io/dockercfg':
      errs.push(...need('.dockercfg'))
      break
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...need('.dockerconfigjson'))
      break
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) errs.push(fieldError.required('data[username]'), fieldError.required('data[password]'))
      break
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(fieldError.required('data[ssh-privatekey]'))
      break
    case 'kubernetes.io/tls':
      errs.push(...need('tls.crt'), ...need('tls.key'))
      break
  }
  return errs
}

export function validateSecretUpdate(s: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(s.metadata!, old.metadata!)
  if ((s.type ?? '') !== (old.type ?? '')) errs.push(fieldError.invalid('type', s.type ?? '', 'field is immutable'))
  return [...errs, ...immutableData(s, old, ['data']), ...validateSecret(s)]
}

export function validateServiceAccount(sa: KubeObject): FieldError[] {
  return validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain)
}

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata!, false, nameIsDNSLabel)
  for (const f of ns.spec?.finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(fieldError.invalid('spec.finalizers', f, m))
    if (!f.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(fieldError.invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  }
  return errs
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

function nodeTaints(node: Node): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  ;(node.spec?.taints ?? []).forEach((t, i) => {
    const idx = `metadata.taints[${i}]`
    errs.push(...validateLabelName(t.key ?? '', `${idx}.key`))
    if (!t.effect) errs.push(fieldError.required(`${idx}.effect`))
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(fieldError.notSupported(`${idx}.effect`, t.effect, TAINT_EFFECTS))
    const key = `${t.effect}/${t.key}`
    if (seen.has(key)) {
      errs.push({ ...fieldError.duplicate(idx, new GoValue(`core.Taint{Key:"${t.key}", Value:"${t.value ?? ''}", Effect:"${t.effect}", TimeAdded:<nil>}`)), detail: 'taints must be unique by key and effect pair' })
    } else seen.add(key)
  })
  return errs
}

export function validateNode(node: Node): FieldError[] {
  return [...validateObjectMeta(node.metadata!, false, nameIsDNSSubdomain), ...nodeTaints(node)]
}

export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata!, old.metadata!)
  const cidrs = node.spec?.podCIDRs ?? []
  const oldCidrs = old.spec?.podCIDRs ?? []
  if (oldCidrs.length && !deepEqual(cidrs, oldCidrs)) errs.push(fieldError.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'))
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) errs.push(fieldError.forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'))
  return [...errs, ...nodeTaints(node)]
}

export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = []
  const ns = ev.metadata?.namespace ?? ''
  const involvedNs = ev.involvedObject?.namespace ?? ''
  // Old-style events (no eventTime) must sit in their object's namespace ("default" for cluster objects).
  if (!ev.eventTime) {
    if (!involvedNs ? ns !== '' && ns !== 'default' : ns !== involvedNs) {
      errs.push(fieldError.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'))
    }
  }
  return [...errs, ...validateObjectMeta(ev.metadata!, true, nameIsDNSSubdomain)]
}

// An Endpoints object lists every address of its Service and is written whole after each change to
// one of them (an EndpointSlice, up to 100 endpoints). The API server shares the items that did not
// change with the stored object (frozen): an item once found valid is valid for good, and so is an
// IP or hostname string. Only "no errors" is remembered: errors name the item's place in the list.
const validAddresses = new WeakSet<object>()
const validIPv4Endpoints = new WeakSet<object>()
const validStrings = { ips: new Set<string>(), labels: new Set<string>() }
const VALID_STRINGS_MAX = 65536

function remember(set: Set<string>, value: string): void {
  if (set.size >= VALID_STRINGS_MAX) set.clear()
  set.add(value)
}

function ipIsValid(ip: string | undefined): boolean {
  if (ip !== undefined && validStrings.ips.has(ip)) return true
  if (parseIPv4(ip ?? '') === undefined) return false
  remember(validStrings.ips, ip!)
  return true
}

/** isDNS1123Label's messages for a hostname, none for one already found valid. */
function hostnameErrors(hostname: string): string[] {
  if (validStrings.labels.has(hostname)) return []
  const msgs = isDNS1123Label(hostname)
  if (msgs.length === 0) remember(validStrings.labels, hostname)
  return msgs
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata!, true, nameIsDNSSubdomain)
  ;(ep.subsets ?? []).forEach((ss, i) => {
    const idx = `subsets[${i}]`
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) errs.push(fieldError.required(idx, 'must specify `addresses` or `notReadyAddresses`'))
    for (const kind of ['addresses', 'notReadyAddresses'] as const) {
      const list = ss[kind] ?? []
      for (let j = 0; j < list.length; j++) {
        const a = list[j]
        if (validAddresses.has(a)) continue
        const before = errs.length
        if (!ipIsValid(a.ip)) errs.push(fieldError.invalid(`${idx}.${kind}[${j}].ip`, a.ip ?? '', INVALID_IP))
        if (a.hostname) for (const m of hostnameErrors(a.hostname)) errs.push(fieldError.invalid(`${idx}.${kind}[${j}].hostname`, a.hostname, m))
        if (errs.length === before && Object.isFrozen(a)) validAddresses.add(a)
      }
    }
    const ports = ss.ports ?? []
    ports.forEach((p, j) => {
      const pp = `${idx}.ports[${j}]`
      if (ports.length > 1 && !p.name) errs.push(fieldError.required(`${pp}.name`))
      else if (p.name) for (const m of isDNS1123Label(p.name)) errs.push(fieldError.invalid(`${pp}.name`, p.name, m))
      for (const m of isValidPortNum(p.port ?? 0)) errs.push(fieldError.invalid(`${pp}.port`, p.port ?? 0, m))
      if (!p.protocol) errs.push(fieldError.required(`${pp}.protocol`))
    })
  })
  return errs
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6']

export function validateEndpointSlice(es: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(es.metadata!, true, nameIsDNSSubdomain)
  if (!ADDRESS_TYPES.includes(es.addressType)) errs.push(fieldError.notSupported('addressType', es.addressType ?? '', ADDRESS_TYPES))
  const ipv4 = es.addressType === 'IPv4'
  const endpoints = es.endpoints ?? []
  for (let i = 0; i < endpoints.length; i++) {
    const ep = endpoints[i]
    // An endpoint's checks depend on the slice's address type; only IPv4 answers are remembered.
    if (ipv4 && validIPv4Endpoints.has(ep)) continue
    const before = errs.length
    const idx = `endpoints[${i}]`
    if (!ep.addresses?.length) errs.push(fieldError.required(`${idx}.addresses`, 'must contain at least 1 address'))
    else if (ep.addresses.length > 100) errs.push(fieldError.tooMany(`${idx}.addresses`, ep.addresses.length, 100))
    const addresses = ipv4 ? (ep.addresses ?? []) : []
    for (let j = 0; j < addresses.length; j++) if (!ipIsValid(addresses[j])) errs.push(fieldError.invalid(`${idx}.addresses[${j}]`, addresses[j] ?? '', INVALID_IP))
    if (ep.hostname) for (const m of hostnameErrors(ep.hostname)) errs.push(fieldError.invalid(`${idx}.hostname`, ep.hostname, m))
    if (ipv4 && errs.length === before && Object.isFrozen(ep)) validIPv4Endpoints.add(ep)
  }
  ;(es.ports ?? []).forEach((p, i) => {
    if (p.name) for (const m of isDNS1123Label(p.name)) errs.push(fieldError.invalid(`ports[${i}].name`, p.name, m))
    if (p.port !== undefined && p.port !== null) for (const m of isValidPortNum(p.port)) errs.push(fieldError.invalid(`ports[${i}].port`, p.port, m))
  })
  return errs
}

export function validateEndpointSliceUpdate(es: EndpointSlice, old: EndpointSlice): FieldError[] {
  const errs = [...validateObjectMetaUpdate(es.metadata!, old.metadata!), ...validateEndpointSlice(es)]
  if (es.addressType !== old.addressType) errs.push(fieldError.invalid('addressType', es.addressType, 'field is immutable'))
  return errs
}

/** ValidatePodDisruptionBudget: no name rule of its own; the generic path-segment check applies. */
export function validatePDB(pdb: PodDisruptionBudget): FieldError[] {
  const spec = pdb.spec ?? {}
  const errs: FieldError[] = []
  const ptr = (v: unknown) => (v === undefined || v === null ? '(*intstr.IntOrString)(nil)' : goPointer('intstr.IntOrString', v))
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    const sel = spec.selector ? goPointer('v1.LabelSelector', spec.selector) : '(*v1.LabelSelector)(nil)'
    const policy = spec.unhealthyPodEvictionPolicy ? goPointer('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy) : '(*policy.UnhealthyPodEvictionPolicyType)(nil)'
    const value = new GoValue(`policy.PodDisruptionBudgetSpec{MinAvailable:${ptr(spec.minAvailable)}, Selector:${sel}, MaxUnavailable:${ptr(spec.maxUnavailable)}, UnhealthyPodEvictionPolicy:${policy}}`)
    errs.push(fieldError.invalid('spec', value, 'minAvailable and maxUnavailable cannot be both set'))
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    const v = spec[f] as number | string | undefined
    if (v === undefined) continue
    errs.push(...positiveIntOrPercent(v, `spec.${f}`), ...notMoreThan100Percent(v, `spec.${f}`))
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'))
  const uh = spec.unhealthyPodEvictionPolicy
  if (uh !== undefined && uh !== 'IfHealthyBudget' && uh !== 'AlwaysAllow') errs.push(fieldError.notSupported('spec.unhealthyPodEvictionPolicy', uh, ['AlwaysAllow', 'IfHealthyBudget']))
  return errs
}

