// `kubectl apply` (client-side) as a plan. Expectations: the real annotations captured in
// web-world.json (kubectl-output.md §10), kubectl's apply.go/patcher.go/util/apply.go behaviour and
// messages (§3 of kubectl-output.md), and apimachinery's CreateThreeWayMergePatch semantics.

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Clock } from '../core/clock'
import { Rng } from '../core/rng'
import { ApplyPatchError, LAST_APPLIED, lastAppliedAnnotation, objectForCreate, planApply, type ApplyPlan } from './apply'
import type { Kind } from './kinds'
import { ApiServer } from './server'
import { namespaceStrategy } from './strategies/namespace'
import type { KubeObject } from './types'

type J = Record<string, any>

// §10 web.yaml, the StatefulSet and its headless Service.
const WEB_YAML = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`
const SVC_YAML = `
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
`

// web-world.json: metadata.annotations of the StatefulSet and the Service (real captures).
const WEB_ANNOTATION =
  '{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},"serviceName":"nginx","template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"registry.k8s.io/nginx-slim:0.24","name":"nginx","ports":[{"containerPort":80,"name":"web"}],"volumeMounts":[{"mountPath":"/usr/share/nginx/html","name":"www"}]}]}},"volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}\n'
const SVC_ANNOTATION =
  '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}],"selector":{"app":"nginx"}}}\n'

/** web-world.json's live Service: what the server stored after `kubectl apply -f web.yaml`. */
function liveService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { annotations: { [LAST_APPLIED]: SVC_ANNOTATION }, labels: { app: 'nginx' }, name: 'nginx', namespace: 'default', resourceVersion: '1017', uid: 'a0e63f49' },
    spec: {
      clusterIP: 'None',
      clusterIPs: ['None'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'nginx' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  }
}

/** web-world.json's live StatefulSet spec.volumeClaimTemplates: the server's defaults included. */
const LIVE_VCT = [
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { creationTimestamp: null, name: 'www' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
    status: { phase: 'Pending' },
  },
]

const file = (yaml: string, edit: (o: J) => void = () => {}): J => {
  const o = parse(yaml) as J
  edit(o)
  return o
}

/** A server that stores what it is sent (no defaulting), and kubectl apply against it. */
function cluster() {
  const api = new ApiServer(new Clock(1_700_000_000_000), new Rng(1), { Namespace: namespaceStrategy })
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: 'test' })
  const apply = (config: J, kind: Kind): ApplyPlan => {
    const name = config.metadata.name as string
    const plan = planApply(api.get(kind, 'default', name), config, kind, { namespace: 'default' })
    if (plan.action === 'created') api.create(plan.object, { actor: 'kubectl' })
    if (plan.action === 'configured') api.patch(kind, 'default', name, 'strategic', plan.patch, { actor: 'kubectl' })
    return plan
  }
  const live = (kind: Kind, name: string): J => api.get(kind, 'default', name) as unknown as J
  return { api, apply, live }
}

describe('kubectl apply: create', () => {
  it('creates the StatefulSet with the annotation the real one carries', () => {
    const plan = planApply(undefined, file(WEB_YAML), 'StatefulSet', { namespace: 'default' })
    if (plan.action !== 'created') throw new Error(plan.action)
    expect((plan.object as J).metadata).toEqual({ name: 'web', namespace: 'default', annotations: { [LAST_APPLIED]: WEB_ANNOTATION } })
  })

  it('creates the Service with the annotation the real one carries', () => {
    const plan = planApply(undefined, file(SVC_YAML), 'Service', { namespace: 'default' })
    expect(plan.action === 'created' && (plan.object as J).metadata.annotations).toEqual({ [LAST_APPLIED]: SVC_ANNOTATION })
  })

  it('keeps the file annotations, serializes nulls in the annotation and prunes them from the object', () => {
    const config = file(SVC_YAML, (o) => {
      o.metadata.annotations = { note: 'a<b & c>d', [LAST_APPLIED]: 'stale' }
      o.spec.sessionAffinity = null
    })
    const plan = planApply(undefined, config, 'Service', { namespace: 'default' })
    if (plan.action !== 'created') throw new Error(plan.action)
    const object = plan.object as J
    const text = object.metadata.annotations[LAST_APPLIED] as string
    expect(text).toContain('"metadata":{"annotations":{"note":"a\\u003cb \\u0026 c\\u003ed"},"labels"')
    expect(text).toContain('"sessionAffinity":null')
    expect(object.metadata.annotations.note).toBe('a<b & c>d')
    expect('sessionAffinity' in object.spec).toBe(false)
  })

  it('leaves a cluster-scoped object without a namespace', () => {
    expect(lastAppliedAnnotation(file('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n'))).toBe(
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"lab"}}\n',
    )
    const plan = planApply(undefined, file('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n'), 'Namespace', { namespace: 'default' })
    expect(plan.action === 'created' && plan.object.metadata.namespace).toBeUndefined()
  })

  it('saves the configuration on `kubectl create --save-config` only', () => {
    expect((objectForCreate(file(SVC_YAML), 'Service', { namespace: 'default', saveConfig: true }) as J).metadata.annotations).toEqual({ [LAST_APPLIED]: SVC_ANNOTATION })
    expect((objectForCreate(file(SVC_YAML), 'Service', { namespace: 'default' }) as J).metadata.annotations).toBeUndefined()
  })
})

describe('kubectl apply: unchanged', () => {
  it('sends nothing when the file matches the live Service (server defaults are not deletions)', () => {
    const plan = planApply(liveService(), file(SVC_YAML), 'Service', { namespace: 'default' })
    expect([plan.action, plan.warnings]).toEqual(['unchanged', []])
  })

  it('answers unchanged to a second apply of the same file', () => {
    const { apply } = cluster()
    const config = file(WEB_YAML, (o) => delete o.spec.volumeClaimTemplates)
    expect(apply(config, 'StatefulSet').action).toBe('created')
    expect(apply(config, 'StatefulSet').action).toBe('unchanged')
  })

  // volumeClaimTemplates has no merge key (kubernetes#74819): the whole list is compared with the
  // live one, whose server defaults (status.phase, volumeMode, creationTimestamp) the file lacks, so
  // the list is sent on every apply (kubernetes#66450).
  it('re-sends volumeClaimTemplates to a real StatefulSet, which therefore reads configured', () => {
    const { api, apply, live } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    const stored = live('StatefulSet', 'web')
    api.update({ ...stored, spec: { ...stored.spec, volumeClaimTemplates: LIVE_VCT } }, { actor: 'defaults' })
    const plan = apply(file(WEB_YAML), 'StatefulSet')
    expect(plan.action === 'configured' && plan.patch).toEqual({ spec: { volumeClaimTemplates: file(WEB_YAML).spec.volumeClaimTemplates } })
  })
})

describe('kubectl apply: configured', () => {
  it('sends the new image with the container order and the new annotation', () => {
    const { apply, live } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    const edited = file(WEB_YAML, (o) => (o.spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
    const plan = apply(edited, 'StatefulSet')
    expect(plan.action === 'configured' && plan.patch).toEqual({
      metadata: { annotations: { [LAST_APPLIED]: WEB_ANNOTATION.replace('0.24', '0.27') } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'registry.k8s.io/nginx-slim:0.27', name: 'nginx' }] } } },
    })
    expect(live('StatefulSet', 'web').spec.template.spec.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.27')
  })

  it('keeps replicas set by `kubectl scale` when the file does not name them', () => {
    const { api, apply, live } = cluster()
    const config = file(WEB_YAML, (o) => delete o.spec.replicas)
    apply(config, 'StatefulSet')
    api.patch('StatefulSet', 'default', 'web', 'merge', { spec: { replicas: 5 } }, { actor: 'kubectl' })
    expect(apply(config, 'StatefulSet').action).toBe('unchanged')
    expect(live('StatefulSet', 'web').spec.replicas).toBe(5)
  })

  it('resets replicas changed by `kubectl scale` when the file names them', () => {
    const { api, apply, live } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    api.patch('StatefulSet', 'default', 'web', 'merge', { spec: { replicas: 5 } }, { actor: 'kubectl' })
    const plan = apply(file(WEB_YAML), 'StatefulSet')
    expect(plan.action === 'configured' && plan.patch).toEqual({ spec: { replicas: 3 } })
    expect(live('StatefulSet', 'web').spec.replicas).toBe(3)
  })

  it('deletes replicas from the live object when they leave the file', () => {
    const { apply, live } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    const plan = apply(file(WEB_YAML, (o) => delete o.spec.replicas), 'StatefulSet')
    expect(plan.action === 'configured' && plan.patch.spec).toEqual({ replicas: null })
    expect('replicas' in live('StatefulSet', 'web').spec).toBe(false)
  })

  it('removes a container port and a label that left the file, and keeps what others added', () => {
    const { api, apply, live } = cluster()
    apply(
      file(WEB_YAML, (o) => {
        o.metadata.labels = { app: 'nginx', tier: 'web' }
        o.spec.template.spec.containers[0].ports.push({ containerPort: 443, name: 'tls' })
      }),
      'StatefulSet',
    )
    api.patch('StatefulSet', 'default', 'web', 'strategic', { metadata: { labels: { owner: 'ops' } } }, { actor: 'kubectl' })
    const plan = apply(file(WEB_YAML, (o) => (o.metadata.labels = { app: 'nginx' })), 'StatefulSet')
    expect(plan.action).toBe('configured')
    const after = live('StatefulSet', 'web')
    expect(after.metadata.labels).toEqual({ app: 'nginx', owner: 'ops' })
    expect(after.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web' }])
  })

  it('keeps a container another client added, where the live list has it', () => {
    const { api, apply, live } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    api.patch('StatefulSet', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } }, { actor: 'x' })
    const plan = apply(file(WEB_YAML), 'StatefulSet')
    // The live list has an element the file lacks, so the order is re-sent: configured, not unchanged.
    expect(plan.action === 'configured' && plan.patch).toEqual({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }] } } } })
    // A patch puts a new element first; the order-only patch keeps the live order around it.
    expect(live('StatefulSet', 'web').spec.template.spec.containers.map((c: J) => c.name)).toEqual(['sidecar', 'nginx'])
  })

  it('clears rollingUpdate when a Deployment switches to Recreate ($retainKeys)', () => {
    const { api, apply, live } = cluster()
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: x\n`
    apply(file(deploy), 'Deployment')
    const stored = live('Deployment', 'd')
    api.update({ ...stored, spec: { ...stored.spec, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } }, { actor: 'defaults' })
    const plan = apply(file(deploy, (o) => (o.spec.strategy = { type: 'Recreate' })), 'Deployment')
    expect(plan.action === 'configured' && plan.patch.spec).toEqual({ strategy: { $retainKeys: ['type'], type: 'Recreate' } })
    expect(live('Deployment', 'd').spec.strategy).toEqual({ type: 'Recreate' })
  })
})

describe('kubectl apply: warnings and errors', () => {
  it('warns about an object created without the annotation and patches the annotation in', () => {
    const bare = liveService()
    delete bare.metadata.annotations
    const plan = planApply(bare, file(SVC_YAML), 'Service', { namespace: 'default' })
    expect(plan.warnings).toEqual([
      'Warning: resource services/nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    ])
    expect(plan.action === 'configured' && plan.patch).toEqual({ metadata: { annotations: { [LAST_APPLIED]: SVC_ANNOTATION } } })
  })

  it('warns when the object is being deleted', () => {
    const deleting = liveService()
    deleting.metadata.deletionTimestamp = '2024-07-16T10:30:00Z'
    const plan = planApply(deleting, file(SVC_YAML), 'Service', { namespace: 'default' })
    expect(plan.warnings).toEqual(['Warning: Detected changes to resource nginx which is currently being deleted.'])
  })

  it('fails on a container without a name, with the merge-key error', () => {
    const { apply } = cluster()
    apply(file(WEB_YAML), 'StatefulSet')
    const nameless = file(WEB_YAML, (o) => delete o.spec.template.spec.containers[0].name)
    expect(() => apply(nameless, 'StatefulSet')).toThrow(ApplyPatchError)
    expect(() => apply(nameless, 'StatefulSet')).toThrow(
      'map: map[image:registry.k8s.io/nginx-slim:0.24 ports:[map[containerPort:80 name:web]] volumeMounts:[map[mountPath:/usr/share/nginx/html name:www]]] does not contain declared merge key: name',
    )
  })
})
