import { describe, expect, it } from 'vitest'
import { containerEnv, expand, serviceEnv } from './env'
import type { Container, Service } from '../api/types'
import { testSim } from '../testing/harness'
import type { PodObj } from './spec'

describe('$(VAR) expansion', () => {
  const lookup = (n: string) => ({ A: 'alpha', B: 'beta' })[n]
  it.each([
    ['$(A)-$(B)', 'alpha-beta'],
    ['$(MISSING)', '$(MISSING)'],
    ['$$(A)', '$(A)'],
    ['cost: $5', 'cost: $5'],
    ['$(A', '$(A'],
  ])('%s becomes %s', (input, out) => {
    expect(expand(input, lookup)).toBe(out)
  })
})

describe('service link variables', () => {
  it('names host, ports and Docker link variables after the service', () => {
    const svc = { metadata: { name: 'my-app' }, spec: { clusterIP: '10.96.12.5', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9100, protocol: 'TCP' }] } } as Service
    expect(serviceEnv([svc])).toEqual({
      MY_APP_SERVICE_HOST: '10.96.12.5',
      MY_APP_SERVICE_PORT: '80',
      MY_APP_SERVICE_PORT_HTTP: '80',
      MY_APP_SERVICE_PORT_METRICS: '9100',
      MY_APP_PORT: 'tcp://10.96.12.5:80',
      MY_APP_PORT_80_TCP: 'tcp://10.96.12.5:80',
      MY_APP_PORT_80_TCP_PROTO: 'tcp',
      MY_APP_PORT_80_TCP_PORT: '80',
      MY_APP_PORT_80_TCP_ADDR: '10.96.12.5',
      MY_APP_PORT_9100_TCP: 'tcp://10.96.12.5:9100',
      MY_APP_PORT_9100_TCP_PROTO: 'tcp',
      MY_APP_PORT_9100_TCP_PORT: '9100',
      MY_APP_PORT_9100_TCP_ADDR: '10.96.12.5',
    })
  })

  it('skips headless services', () => {
    expect(serviceEnv([{ metadata: { name: 'nginx' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } } as Service])).toEqual({})
  })
})

describe('the container environment', () => {
  const envOf = (container: Container, imageEnv: Record<string, string>) => {
    const pod = { metadata: { name: 'p', namespace: 'default' }, spec: { enableServiceLinks: false, containers: [container] } } as PodObj
    const r = containerEnv(testSim().api, { pod, container, podIP: '10.244.1.5', hostIP: '192.168.56.11', imageEnv, hostname: 'p' })
    if (!r.ok) throw new Error(r.message)
    return r.env
  }

  it('lists the image ENV, HOSTNAME, the service links, then the container env, an override keeping its place', () => {
    const env = envOf({ name: 'c', env: [{ name: 'B', value: '2' }, { name: 'PATH', value: '/opt/bin' }] }, { PATH: '/bin', A: '1' })
    expect(Object.keys(env).filter((k) => !k.startsWith('KUBERNETES_'))).toEqual(['PATH', 'A', 'HOSTNAME', 'B'])
    expect(Object.keys(env).indexOf('KUBERNETES_SERVICE_HOST')).toBe(3)
    expect(env.PATH).toBe('/opt/bin')
  })
})
