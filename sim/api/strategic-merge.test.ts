// Strategic merge patches on the kinds we serve, as the API server applies them. Expectations come
// from the k8s.io/api v0.33 struct tags (which lists merge, on which key) and apimachinery's
// strategicpatch semantics and error texts (patch.go, mergepatch/errors.go, apiserver patch.go).

import { describe, expect, it } from 'vitest'
import { applyPatch } from './patch'
import { ApiError } from './errors'
import type { Kind } from './kinds'
import type { KubeObject } from './types'

type J = Record<string, any>

function web(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', finalizers: ['a/one', 'b/two'], labels: { app: 'nginx', tier: 'web' } },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.24',
              ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
            { name: 'sidecar', image: 'busybox:1.36', command: ['sleep', '3600'] },
          ],
          tolerations: [{ key: 'k', operator: 'Exists' }],
          volumes: [{ name: 'cfg', emptyDir: {} }],
        },
      },
      volumeClaimTemplates: [
        { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ],
    },
  }
}

function smp(obj: KubeObject, patch: unknown, kind: Kind = 'StatefulSet'): J {
  return applyPatch(obj, 'strategic', patch, kind) as unknown as J
}

const podSpec = (patch: J): J => ({ spec: { template: { spec: patch } } })

function failure(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected an ApiError')
}

describe('strategic merge patch: lists merged by their merge key', () => {
  it('changes a container image by name and keeps the other containers', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'nginx', image: 'nginx:1.25' }] }))
    const cs = out.spec.template.spec.containers
    expect(cs.map((c: J) => [c.name, c.image])).toEqual([
      ['nginx', 'nginx:1.25'],
      ['sidecar', 'busybox:1.36'],
    ])
    expect(cs[0].ports).toEqual([{ containerPort: 80, name: 'web', protocol: 'TCP' }])
  })

  // Items only the live list has go after the patch's items unless the live list orders them
  // (mergeSortedSlice), so a new element comes first — as in the kubectl patch task's Deployment
  // example, where the added redis container is listed before nginx.
  it('adds a container port by containerPort, before the existing one', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'nginx', ports: [{ containerPort: 8080, name: 'admin' }] }] }))
    expect(out.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 8080, name: 'admin' },
      { containerPort: 80, name: 'web', protocol: 'TCP' },
    ])
  })

  it('keeps the order of a patch list that names a live item after a new one', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 8080 }] }] }))
    expect(out.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 80, name: 'http', protocol: 'TCP' },
      { containerPort: 8080 },
    ])
  })

  it('replaces an env var by name', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'nginx', env: [{ name: 'B', value: '3' }] }] }))
    expect(out.spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
    ])
  })

  it('merges volumeMounts by mountPath', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'nginx', volumeMounts: [{ mountPath: '/etc/cfg', name: 'cfg' }] }] }))
    expect(out.spec.template.spec.containers[0].volumeMounts.map((m: J) => m.mountPath)).toEqual(['/etc/cfg', '/usr/share/nginx/html'])
  })

  it('puts a new container before the live ones', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'redis', image: 'redis' }] }))
    expect(out.spec.template.spec.containers.map((c: J) => c.name)).toEqual(['redis', 'nginx', 'sidecar'])
  })

  it('deletes a container with $patch: delete', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'sidecar', $patch: 'delete' }] }))
    expect(out.spec.template.spec.containers.map((c: J) => c.name)).toEqual(['nginx'])
  })

  it('replaces the whole containers list with a $patch: replace element', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'only', image: 'busybox' }, { $patch: 'replace' }] }))
    expect(out.spec.template.spec.containers).toEqual([{ name: 'only', image: 'busybox' }])
  })

  it('orders the list by $setElementOrder', () => {
    const out = smp(web(), podSpec({ '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }] }))
    expect(out.spec.template.spec.containers.map((c: J) => c.name)).toEqual(['sidecar', 'nginx'])
  })

  it('unions finalizers and removes one with $deleteFromPrimitiveList', () => {
    const added = smp(web(), { metadata: { finalizers: ['b/two', 'c/three'] } })
    expect(added.metadata.finalizers).toEqual(['a/one', 'b/two', 'c/three'])
    const removed = smp(web(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a/one'] } })
    expect(removed.metadata.finalizers).toEqual(['b/two'])
  })

  it('merges Service ports by port', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] } }
    const out = smp(svc, { spec: { ports: [{ port: 80, targetPort: 8080 }, { name: 'tls', port: 443 }] } }, 'Service')
    expect(out.spec.ports).toEqual([
      { name: 'web', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'tls', port: 443 },
    ])
  })

  it('merges ownerReferences by uid', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ownerReferences: [{ uid: 'u1', name: 'a', kind: 'ReplicaSet', apiVersion: 'apps/v1' }] } }
    const out = smp(pod, { metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } }, 'Pod')
    expect(out.metadata.ownerReferences).toEqual([{ uid: 'u1', name: 'a', kind: 'ReplicaSet', apiVersion: 'apps/v1', controller: true }])
  })

  it('merges a Pod initContainers list by name', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { initContainers: [{ name: 'init', image: 'a' }], containers: [{ name: 'c', image: 'x' }] } }
    const out = smp(pod, { spec: { initContainers: [{ name: 'init2', image: 'b' }] } }, 'Pod')
    expect(out.spec.initContainers.map((c: J) => c.name)).toEqual(['init2', 'init'])
  })

  it('merges a Deployment template the same way', () => {
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }] } } } }
    const out = smp(d, podSpec({ containers: [{ name: 'b', image: '3' }] }), 'Deployment')
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'a', image: '1' },
      { name: 'b', image: '3' },
    ])
  })
})

describe('strategic merge patch: fields without a strategy', () => {
  it('replaces volumeClaimTemplates whole (the field has no merge key)', () => {
    const out = smp(web(), { spec: { volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { resources: { requests: { storage: '2Gi' } } } }] } })
    expect(out.spec.volumeClaimTemplates).toEqual([{ metadata: { name: 'www' }, spec: { resources: { requests: { storage: '2Gi' } } } }])
  })

  it('replaces tolerations whole', () => {
    const out = smp(web(), podSpec({ tolerations: [{ key: 'other', operator: 'Exists' }] }))
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'other', operator: 'Exists' }])
  })

  it('deletes a key set to null and merges maps key by key', () => {
    const out = smp(web(), { metadata: { labels: { tier: null, extra: 'x' } } })
    expect(out.metadata.labels).toEqual({ app: 'nginx', extra: 'x' })
  })

  it('replaces a PodDisruptionBudget selector whole (patchStrategy replace)', () => {
    const pdb: KubeObject = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'p' },
      spec: { selector: { matchLabels: { app: 'a' }, matchExpressions: [{ key: 'k', operator: 'Exists' }] } },
    }
    const out = smp(pdb, { spec: { selector: { matchLabels: { app: 'b' } } } }, 'PodDisruptionBudget')
    expect(out.spec.selector).toEqual({ matchLabels: { app: 'b' } })
  })
})

describe('strategic merge patch: $retainKeys', () => {
  it('clears a Deployment rollingUpdate when the strategy becomes Recreate', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    }
    const out = smp(d, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'Deployment')
    expect(out.spec.strategy).toEqual({ type: 'Recreate' })
  })

  it('switches a volume source, dropping the old one', () => {
    const out = smp(web(), podSpec({ volumes: [{ name: 'cfg', $retainKeys: ['configMap', 'name'], configMap: { name: 'web-cfg' } }] }))
    expect(out.spec.template.spec.volumes).toEqual([{ name: 'cfg', configMap: { name: 'web-cfg' } }])
  })

  it('refuses a patch key the retainKeys list does not name', () => {
    const e = failure(() => smp(web(), podSpec({ volumes: [{ name: 'cfg', $retainKeys: ['name'], configMap: { name: 'x' } }] })))
    expect([e.reason, e.message]).toEqual(['BadRequest', 'invalid patch format of retainKeys'])
  })
})

describe('strategic merge patch: what is copied from the patch is stored as decoded', () => {
  it('drops nulls and directives inside a new container', () => {
    const out = smp(web(), podSpec({ containers: [{ name: 'new', image: 'x', args: null, ports: [{ containerPort: 1, $patch: 'x' }] }] }))
    expect(out.spec.template.spec.containers[0]).toEqual({ name: 'new', image: 'x', ports: [{ containerPort: 1 }] })
  })
})

describe('strategic merge patch: errors as the API server returns them', () => {
  it('rejects a container without its merge key with a reasonless 500', () => {
    const e = failure(() => smp(web(), podSpec({ containers: [{ image: 'nginx:1.25' }] })))
    expect([e.reason, e.code, e.message]).toEqual(['Unknown', 500, 'map: map[image:nginx:1.25] does not contain declared merge key: name'])
    expect(e.toStatus().reason).toBeUndefined()
  })

  it('rejects $patch: merge in a list', () => {
    const e = failure(() => smp(web(), podSpec({ containers: [{ name: 'nginx', $patch: 'merge' }] })))
    expect(e.message).toBe('merging lists cannot yet be specified in the patch')
  })

  it('rejects an unknown $patch on a map', () => {
    const e = failure(() => smp(web(), { spec: { $patch: 'foo', replicas: 2 } }))
    expect(e.message).toBe('unknown patch type: foo in map: map[$patch:foo replicas:2]')
  })

  it('rejects a $deleteFromPrimitiveList key without a list name', () => {
    const e = failure(() => smp(web(), { metadata: { $deleteFromPrimitiveList: ['a/one'] } }))
    expect([e.reason, e.message]).toEqual(['BadRequest', 'invalid patch format of primitive list'])
  })

  it('rejects a patch list that does not follow $setElementOrder', () => {
    const e = failure(() =>
      smp(web(), podSpec({ '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ name: 'sidecar', image: 'x' }, { name: 'nginx', image: 'y' }] })),
    )
    expect(e.message).toBe(
      "The order in patch list:\n[map[image:x name:sidecar] map[image:y name:nginx]]\n doesn't match $setElementOrder list:\n[map[name:nginx] map[name:sidecar]]\n",
    )
  })

  it('rejects a list of lists with the generic 422', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: [] } }
    const e = failure(() => smp(cm, { metadata: { finalizers: [['x']] } }, 'ConfigMap'))
    expect([e.reason, e.message]).toEqual(['Invalid', 'the server rejected our request due to an error in our request'])
  })

  it('rejects list elements of mixed types', () => {
    const e = failure(() => smp(web(), { metadata: { finalizers: [['x']] } }))
    expect([e.reason, e.message]).toEqual(['Unknown', 'list element types are not identical: [[a/one b/two] [[x]]]'])
  })

  it('rejects a body that is not an object', () => {
    const e = failure(() => smp(web(), [{ op: 'replace' }]))
    expect([e.reason, e.message]).toEqual(['BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}'])
  })
})
