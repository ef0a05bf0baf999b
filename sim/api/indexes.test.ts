import { describe, it, expect } from 'vitest'
import { Clock } from '../core/clock'
import { Rng } from '../core/rng'
import { ApiServer } from './server'
import type { KubeObject } from './types'
import { podStrategy } from './strategies/pod'
import { namespaceStrategy } from './strategies/namespace'

function server() {
  const api = new ApiServer(new Clock(1_700_000_000_000), new Rng(1), { Pod: podStrategy, Namespace: namespaceStrategy })
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: 'test' })
  return api
}

const pod = (name: string, spec: Record<string, unknown>) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } }) as unknown as KubeObject

const names = (api: ApiServer, index: string, value: string) => api.byIndex('Pod', index, value).map((p) => p.metadata.name)

// The kubelet wakes the pods that use a ConfigMap or Secret when it changes; these indexes are how it
// finds them without looking at every pod of the namespace.
describe('pods by the ConfigMaps and Secrets they use', () => {
  const uses = () => {
    const api = server()
    api.create(pod('vol', { volumes: [{ name: 'v', configMap: { name: 'conf' } }, { name: 's', secret: { secretName: 'creds' } }] }), { actor: 't' })
    api.create(
      pod('projected', { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'conf' } }, { secret: { name: 'token' } }] } }] }),
      { actor: 't' },
    )
    api.create(
      pod('env', {
        initContainers: [{ name: 'init', image: 'busybox', envFrom: [{ secretRef: { name: 'creds' } }] }],
        containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'settings', key: 'a' } } }] }],
      }),
      { actor: 't' },
    )
    api.create(pod('envfrom', { containers: [{ name: 'c', image: 'nginx', envFrom: [{ configMapRef: { name: 'conf' } }], env: [{ name: 'B', valueFrom: { secretKeyRef: { name: 'token', key: 'b' } } }] }] }), { actor: 't' })
    api.create(pod('plain', {}), { actor: 't' })
    return api
  }

  it('find every pod that reads a ConfigMap through a volume, a projected volume or envFrom', () => {
    expect(names(uses(), 'configMapName', 'conf')).toEqual(['envfrom', 'projected', 'vol'])
  })

  it('find pods that read a ConfigMap key or a Secret key through env valueFrom', () => {
    const api = uses()
    expect(names(api, 'configMapName', 'settings')).toEqual(['env'])
    expect(names(api, 'secretName', 'token')).toEqual(['envfrom', 'projected'])
  })

  it('find Secrets used by volumes and by init containers, and keep ConfigMaps and Secrets apart', () => {
    const api = uses()
    expect(names(api, 'secretName', 'creds')).toEqual(['env', 'vol'])
    expect(names(api, 'secretName', 'conf')).toEqual([])
    expect(names(api, 'configMapName', 'creds')).toEqual([])
  })

  it('forget a pod once it is deleted', () => {
    const api = uses()
    api.delete('Pod', 'default', 'vol', { actor: 't', gracePeriodSeconds: 0 })
    expect(names(api, 'configMapName', 'conf')).toEqual(['envfrom', 'projected'])
  })
})
