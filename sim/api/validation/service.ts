// Service validation (ValidateService, ValidateServiceUpdate, ValidateServiceClusterIPsRelatedFields,
// validateUpgradeDowngradeClusterIPs in pkg/apis/core/validation/validation.go). Service names are
// DNS-1035 labels in 1.33 (they must start with a letter).

import { fieldError, GoValue, type FieldError } from '../field-errors'
import type { Service } from '../types'
import { INVALID_IP, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, nameIsDNS1035Label, parseIPv4 } from './names'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { goStringSlice } from './go-value'

type Spec = NonNullable<Service['spec']>
type Port = NonNullable<Spec['ports']>[number]

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']

export function isHeadless(spec: Spec | undefined): boolean {
  return spec?.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None'
}

function validIP(ip: string, field: string): FieldError[] {
  if (parseIPv4(ip) !== undefined) return []
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip) && ip.split('.').every((b) => Number(b) <= 255)) return [fieldError.invalid(field, ip, 'must not have leading 0s')]
  return [fieldError.invalid(field, ip, INVALID_IP)]
}

function servicePort(p: Port, requireName: boolean, names: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !p.name) errs.push(fieldError.required(`${field}.name`))
  else if (p.name) {
    for (const m of isDNS1123Label(p.name)) errs.push(fieldError.invalid(`${field}.name`, p.name, m))
    if (names.has(p.name)) errs.push(fieldError.duplicate(`${field}.name`, p.name))
    else names.add(p.name)
  }
  for (const m of isValidPortNum(p.port ?? 0)) errs.push(fieldError.invalid(`${field}.port`, p.port ?? 0, m))
  if (!p.protocol) errs.push(fieldError.required(`${field}.protocol`))
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldError.notSupported(`${field}.protocol`, p.protocol, PROTOCOLS))
  const tp = p.targetPort as number | string | undefined
  if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(fieldError.invalid(`${field}.targetPort`, tp, m))
  else for (const m of isValidPortName(tp ?? '')) errs.push(fieldError.invalid(`${field}.targetPort`, tp ?? '', m))
  if (p.appProtocol !== undefined) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldError.invalid(`${field}.appProtocol`, p.appProtocol, m))
  return errs
}

/** ValidateServiceClusterIPsRelatedFields (single-stack IPv4 cluster). */
function clusterIPFields(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips = spec.clusterIPs ?? []
  if (spec.clusterIP) {
    if (!ips.length) errs.push(fieldError.required('spec.clusterIPs'))
    else if (ips[0] !== spec.clusterIP) errs.push(fieldError.invalid('spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`'))
  } else if (ips.length) errs.push(fieldError.invalid('spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'))
  ;(spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(fieldError.notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']))
    if ((spec.ipFamilies ?? []).indexOf(f) < i) errs.push(fieldError.duplicate(`spec.ipFamilies[${i}]`, f))
  })
  const pol = spec.ipFamilyPolicy
  if (pol && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(pol)) {
    errs.push(fieldError.notSupported('spec.ipFamilyPolicy', pol, ['PreferDualStack', 'RequireDualStack', 'SingleStack']))
  }
  let bad = false
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true
        errs.push(fieldError.invalid('spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value"))
      }
      return
    }
    const e = validIP(ip, `spec.clusterIPs[${i}]`)
    bad ||= e.length > 0
    errs.push(...e)
  })
  if (ips.length > 2) errs.push(fieldError.invalid('spec.clusterIPs', goStringSlice(ips), 'may only hold up to 2 values'))
  if (!bad && ips.length > 1) errs.push(fieldError.invalid('spec.clusterIPs', goStringSlice(ips), 'may specify no more than one IP for each IP family'))
  return errs
}

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? ({} as Spec)
  const errs = validateObjectMeta(svc.metadata!, true, nameIsDNS1035Label)
  const headless = isHeadless(spec)
  if (!spec.ports?.length && !headless && spec.type !== 'ExternalName') errs.push(fieldError.required('spec.ports'))
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && headless) {
    errs.push(fieldError.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`))
  }
  if (spec.type === 'ExternalName') {
    if (spec.clusterIPs?.length) errs.push(fieldError.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
    if (spec.ipFamilies?.length) errs.push(fieldError.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
    if (spec.ipFamilyPolicy) errs.push(fieldError.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
    const cname = (spec.externalName ?? '').replace(/\.$/, '')
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(fieldError.invalid('spec.externalName', cname, m))
    else errs.push(fieldError.required('spec.externalName'))
  }
  const names = new Set<string>()
  const ports = spec.ports ?? []
  ports.forEach((p, i) => errs.push(...servicePort(p, ports.length > 1, names, `spec.ports[${i}]`)))
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'))
  const sa = spec.sessionAffinity ?? ''
  if (!sa) errs.push(fieldError.required('spec.sessionAffinity'))
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(fieldError.notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None']))
  if (sa === 'None' && spec.sessionAffinityConfig) errs.push(fieldError.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'))
  errs.push(...clusterIPFields(spec))
  ;(spec.externalIPs ?? []).forEach((ip, i) => errs.push(...validIP(ip, `spec.externalIPs[${i}]`)))
  const type = spec.type ?? ''
  if (!type) errs.push(fieldError.required('spec.type'))
  else if (!TYPES.includes(type)) errs.push(fieldError.notSupported('spec.type', type, TYPES))
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(fieldError.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"))
    })
  }
  const seenNodePorts = new Set<string>()
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (seenNodePorts.has(key)) errs.push(fieldError.duplicate(`spec.ports[${i}].nodePort`, p.nodePort))
    seenNodePorts.add(key)
  })
  const seenPorts = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`
    if (seenPorts.has(key)) errs.push(fieldError.duplicate(`spec.ports[${i}]`, new GoValue(`core.ServicePort{Name:"", Protocol:"${p.protocol ?? ''}", AppProtocol:(*string)(nil), Port:${p.port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`)))
    seenPorts.add(key)
  })
  const external = type === 'NodePort' || type === 'LoadBalancer'
  if (!external && spec.externalTrafficPolicy) errs.push(fieldError.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'))
  if (external && !spec.externalTrafficPolicy) errs.push(fieldError.required('spec.externalTrafficPolicy'))
  if (!spec.internalTrafficPolicy && (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')) errs.push(fieldError.required('spec.internalTrafficPolicy'))
  if (spec.internalTrafficPolicy && spec.internalTrafficPolicy !== 'Cluster' && spec.internalTrafficPolicy !== 'Local') {
    errs.push(fieldError.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']))
  }
  return errs
}

export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata!, old.metadata!)
  const spec = svc.spec ?? ({} as Spec)
  const oldSpec = old.spec ?? ({} as Spec)
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && !(isHeadless(spec) && isHeadless(oldSpec))) {
    const ips = spec.clusterIPs ?? []
    const oldIps = oldSpec.clusterIPs ?? []
    if (ips.length === oldIps.length) {
      oldIps.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(fieldError.invalid(`spec.clusterIPs[${i}]`, goStringSlice(ips), 'may not change once set'))
      })
    } else if (oldIps.length > ips.length) {
      if (!ips.length) errs.push(fieldError.invalid('spec.clusterIPs[0]', goStringSlice(spec.clusterIPs), 'primary clusterIP can not be unset'))
      else if (ips[0] !== oldIps[0]) errs.push(fieldError.invalid('spec.clusterIPs[0]', goStringSlice(ips), 'may not change once set'))
    } else if (oldIps.length && ips[0] !== oldIps[0]) {
      errs.push(fieldError.invalid('spec.clusterIPs[0]', goStringSlice(ips), 'may not change once set'))
    }
  }
  return [...errs, ...validateService(svc)]
}
