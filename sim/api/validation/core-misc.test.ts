import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import { createStrategies } from '../strategies'
import { defaultConfig } from '../../cluster-config'
import { KINDS } from '../kinds'
import type { EndpointSlice, Endpoints, Secret } from '../types'
import { deepFreeze } from '../../core/json'
import { validateEndpointSlice, validateEndpoints } from './core-misc'
import { apiError } from './fixtures'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

describe('Namespaces', () => {
  it('must be DNS-1123 labels', () => {
    const s = sim()
    expect(apiError(() => s.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } }, as)).message).toBe(
      'Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots',
    )
  })
})

describe('ConfigMaps and Secrets', () => {
  it('reject keys that are not config keys', () => {
    const s = sim()
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'a/b': 'x' } }
    expect(apiError(() => s.api.create(cm, as)).message).toBe(
      `ConfigMap "cfg" is invalid: data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    )
  })

  it('forbid data changes once immutable', () => {
    const s = sim()
    const cm = s.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, immutable: true, data: { a: '1' } }, as)
    expect(apiError(() => s.api.update({ ...cm, data: { a: '2' } }, as)).message).toBe('ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set')
  })

  it('default a Secret to Opaque and fold stringData into data', () => {
    const s = sim()
    const got = s.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'default' }, stringData: { password: 's3cret' } }, as) as Secret
    expect(got.type).toBe('Opaque')
    expect(got.data).toEqual({ password: 'czNjcmV0' })
    expect((got as Record<string, unknown>).stringData).toBeUndefined()
  })
})

describe('PodDisruptionBudgets', () => {
  const pdb = (name: string, spec: Record<string, any>) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec })

  it('accept names that are not DNS names (only the path-segment rule applies)', () => {
    const s = sim()
    expect(() => s.api.create(pdb('Web_PDB', { minAvailable: 2, selector: { matchLabels: { app: 'nginx' } } }), as)).not.toThrow()
  })

  it('start with zero counts in status', () => {
    const s = sim()
    const got = s.api.create(pdb('web-pdb', { minAvailable: 2, selector: { matchLabels: { app: 'nginx' } } }), as) as Record<string, any>
    expect(got.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 })
  })

  it('refuse minAvailable together with maxUnavailable', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pdb('web-pdb', { minAvailable: 2, maxUnavailable: 1, selector: { matchLabels: { app: 'nginx' } } }), as))
    expect(e.message).toMatch(
      /^PodDisruptionBudget\.policy "web-pdb" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr\.IntOrString\)\(0xc[0-9a-f]{9}\), Selector:\(\*v1\.LabelSelector\)\(0xc[0-9a-f]{9}\), MaxUnavailable:\(\*intstr\.IntOrString\)\(0xc[0-9a-f]{9}\), UnhealthyPodEvictionPolicy:\(\*policy\.UnhealthyPodEvictionPolicyType\)\(nil\)\}: minAvailable and maxUnavailable cannot be both set$/,
    )
  })

  it('refuse a percentage above 100%', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pdb('web-pdb', { minAvailable: '120%', selector: { matchLabels: { app: 'nginx' } } }), as))
    expect(e.message).toBe('PodDisruptionBudget.policy "web-pdb" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%')
  })
})

describe('Events', () => {
  it('must live in the namespace of their object', () => {
    const s = sim()
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'kube-system' },
      reason: 'Test',
      message: 'x',
    }
    expect(apiError(() => s.api.create(ev, as)).message).toBe('Event "web.1" is invalid: involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace')
  })
})

describe('garbage collection defaults', () => {
  it('deletes dependents in the background for every kind (DefaultGarbageCollectionPolicy of v1 APIs)', () => {
    const strategies = createStrategies(defaultConfig())
    for (const k of KINDS) expect([k.kind, strategies[k.kind]?.defaultPropagation]).toEqual([k.kind, 'Background'])
  })
})

describe('Endpoints and EndpointSlices', () => {
  const address = (ip: string, name: string) => ({ ip, targetRef: { kind: 'Pod', namespace: 'default', name, uid: `${name}-uid` } })
  const endpoints = (addresses: unknown[]) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses }] }) as Endpoints
  const fields = (errs: { field: string }[]) => errs.map((e) => e.field)

  it('name an invalid address IP by its place in the list', () => {
    const s = sim()
    expect(apiError(() => s.api.create(endpoints([address('10.0.0.1', 'a'), address('10.0.0.256', 'b')]), as)).message).toBe(
      'Endpoints "web" is invalid: subsets[0].addresses[1].ip: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    )
  })

  it('name an invalid address by its place when valid addresses kept from the stored object come before it', () => {
    const s = sim()
    const stored = s.api.create(endpoints([address('10.0.0.1', 'a'), address('10.0.0.2', 'b')]), as) as Endpoints
    const kept = stored.subsets![0].addresses!
    const next = { ...stored, subsets: [{ addresses: [...kept, address('10.0.0.300', 'c')] }] }
    expect(apiError(() => s.api.update(next, as)).message).toContain('subsets[0].addresses[2].ip: Invalid value: "10.0.0.300"')
  })

  it('find an invalid address invalid each time it is checked', () => {
    const bad = deepFreeze(address('10.0.0.256', 'b'))
    expect(fields(validateEndpoints(endpoints([bad])))).toEqual(['subsets[0].addresses[0].ip'])
    expect(fields(validateEndpoints(endpoints([address('10.0.0.1', 'a'), bad])))).toEqual(['subsets[0].addresses[1].ip'])
  })

  it('check an endpoint found valid in an FQDN slice again in an IPv4 slice', () => {
    const ep = deepFreeze({ addresses: ['web.example.com'] })
    const slice = (addressType: string) => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde', namespace: 'default' }, addressType, endpoints: [ep] }) as EndpointSlice
    expect(validateEndpointSlice(slice('FQDN'))).toEqual([])
    expect(fields(validateEndpointSlice(slice('IPv4')))).toEqual(['endpoints[0].addresses[0]'])
  })
})
