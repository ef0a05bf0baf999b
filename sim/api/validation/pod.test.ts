import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { Pod } from '../types'
import { apiError } from './fixtures'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

/** web-0 as the StatefulSet controller submits it (identity, claim volume, template spec). */
function web0(): Record<string, any> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', generateName: 'web-', namespace: 'default', labels: { app: 'nginx' } },
    spec: {
      hostname: 'web-0',
      subdomain: 'nginx',
      containers: [
        {
          name: 'nginx',
          image: 'registry.k8s.io/nginx-slim:0.24',
          ports: [{ containerPort: 80, name: 'web' }],
          volumeMounts: [{ mountPath: '/usr/share/nginx/html', name: 'www' }],
        },
      ],
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
    },
  }
}

function pod(spec: Record<string, any>, name = 'p'): Record<string, any> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec }
}

describe('Pod defaults and admission', () => {
  it('stores the spec a v1.33 server stores for web-0 (web-world.json), before binding', () => {
    const s = sim()
    const p = s.api.create(web0(), as) as Pod
    const token = p.spec!.volumes![1].name
    expect(token).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(JSON.parse(JSON.stringify(p.spec))).toEqual({
      containers: [
        {
          image: 'registry.k8s.io/nginx-slim:0.24',
          imagePullPolicy: 'IfNotPresent',
          name: 'nginx',
          ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/usr/share/nginx/html', name: 'www' },
            { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: token, readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostname: 'web-0',
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      subdomain: 'nginx',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
        {
          name: token,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    })
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/nginx', 'Always'],
    ['nginx@sha256:a5127e4a3e8b9c1d2f0e6b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f70819', 'IfNotPresent'],
  ])('gives %s the pull policy %s', (image, policy) => {
    const s = sim()
    const p = s.api.create(pod({ containers: [{ name: 'c', image }] }), as) as Pod
    expect(p.spec!.containers[0].imagePullPolicy).toBe(policy)
  })

  it('defaults probes, copies limits into requests and writes quantities canonically', () => {
    const s = sim()
    const c = {
      name: 'c',
      image: 'nginx:1.27',
      readinessProbe: { httpGet: { port: 80 } },
      resources: { limits: { cpu: '0.5', memory: '1024Mi' } },
    }
    const p = s.api.create(pod({ containers: [c] }), as) as Pod
    const got = p.spec!.containers[0]
    expect(got.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
    expect(got.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })
    expect(p.status!.qosClass).toBe('Guaranteed')
  })

  it('refuses a pod whose service account does not exist', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pod({ serviceAccountName: 'nope', containers: [{ name: 'c', image: 'nginx' }] }), as))
    expect(e.reason).toBe('Forbidden')
    expect(e.message).toBe('pods "p" is forbidden: error looking up service account default/nope: serviceaccount "nope" not found')
  })

  it('does not refuse a pod in a namespace whose default account the controller has yet to create', () => {
    const s = sim()
    s.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }, as)
    const p = s.api.create({ ...pod({ containers: [{ name: 'c', image: 'nginx' }] }), metadata: { name: 'p', namespace: 'team' } }, as) as Pod
    expect(p.spec!.serviceAccountName).toBe('default')
    expect(p.spec!.volumes![0].name).toMatch(/^kube-api-access-/)
  })

  it('names a generated pod by its prefix in admission errors', () => {
    const s = sim()
    const input = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-7c5d9-', namespace: 'default' }, spec: { serviceAccountName: 'x', containers: [{ name: 'c', image: 'nginx' }] } }
    expect(apiError(() => s.api.create(input, as)).message).toBe('pods "web-7c5d9-" is forbidden: error looking up service account default/x: serviceaccount "x" not found')
  })

  it('refuses an unknown priority class', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pod({ priorityClassName: 'gold', containers: [{ name: 'c', image: 'nginx' }] }), as))
    expect(e.message).toBe('pods "p" is forbidden: no PriorityClass with name gold was found')
  })

  it('answers BadRequest for a quantity that does not parse', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pod({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { memory: '1GB' } } }] }), as))
    expect(e.reason).toBe('BadRequest')
    expect(e.message).toBe(`Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)
  })
})

describe('Pod validation', () => {
  it('rejects a volumeMount naming a volume the pod does not have', () => {
    const s = sim()
    const input = web0()
    input.spec.containers[0].volumeMounts = [{ mountPath: '/usr/share/nginx/html', name: 'html' }]
    // The capture in reference §3: "Pod \"web-0\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"html\"".
    expect(apiError(() => s.api.create(input, as)).message).toBe('Pod "web-0" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "html"')
  })

  it.each([
    ['no containers', { containers: [] }, 'spec.containers: Required value'],
    ['a container without an image', { containers: [{ name: 'c' }] }, 'spec.containers[0].image: Required value'],
    [
      'two containers with one name',
      { containers: [{ name: 'c', image: 'nginx' }, { name: 'c', image: 'busybox' }] },
      'spec.containers[1].name: Duplicate value: "c"',
    ],
    [
      'a restartPolicy that does not exist',
      { restartPolicy: 'Sometimes', containers: [{ name: 'c', image: 'nginx' }] },
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'a request above its limit',
      { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] },
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ],
    [
      'a port out of range',
      { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 70000 }] }] },
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'a liveness probe with successThreshold 2',
      { containers: [{ name: 'c', image: 'nginx', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }] },
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'two volumes with one name',
      { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] },
      'spec.volumes[1].name: Duplicate value: "v"',
    ],
  ])('rejects %s', (_, spec, text) => {
    const s = sim()
    expect(apiError(() => s.api.create(pod(spec), as)).message).toBe(`Pod "p" is invalid: ${text}`)
  })

  it('collects every error of a pod, not just the first', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pod({ containers: [{ name: 'Web' }] }, 'p_1'), as))
    expect(e.details.causes!.map((c) => c.field)).toEqual(['metadata.name', 'spec.containers[0].name', 'spec.containers[0].image'])
  })
})

describe('Pod updates', () => {
  const HEADER =
    'Pod "web-0" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

  it('lets the image change', () => {
    const s = sim()
    const p = s.api.create(web0(), as) as Pod
    const next = { ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0], image: 'registry.k8s.io/nginx-slim:0.25' }] } }
    expect((s.api.update(next, as) as Pod).spec!.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.25')
  })

  it('forbids other changes with the list of what may change and a go-cmp diff', () => {
    const s = sim()
    const p = s.api.create(web0(), as) as Pod
    const e = apiError(() => s.api.update({ ...p, spec: { ...p.spec!, nodeSelector: { disk: 'ssd' } } }, as))
    // The diff as go-cmp lays it out: two records of context, the rest counted, keys aligned.
    expect(e.message).toBe(
      HEADER +
        '\n' +
        '  core.PodSpec{\n' +
        '  \t... // 6 identical fields\n' +
        '  \tActiveDeadlineSeconds:        nil,\n' +
        '  \tDNSPolicy:                    "ClusterFirst",\n' +
        '- \tNodeSelector:                 nil,\n' +
        '+ \tNodeSelector:                 map[string]string{"disk": "ssd"},\n' +
        '  \tServiceAccountName:           "default",\n' +
        '  \tAutomountServiceAccountToken: nil,\n' +
        '  \t... // 23 identical fields\n' +
        '  }\n',
    )
  })

  it('forbids adding a container', () => {
    const s = sim()
    const p = s.api.create(web0(), as) as Pod
    const next = { ...p, spec: { ...p.spec!, containers: [...p.spec!.containers, { name: 'side', image: 'busybox' }] } }
    expect(apiError(() => s.api.update(next, as)).message).toBe('Pod "web-0" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers')
  })

  it('forbids changing an existing toleration', () => {
    const s = sim()
    const p = s.api.create(web0(), as) as Pod
    const tolerations = p.spec!.tolerations!.map((t, i) => (i === 0 ? { ...t, key: 'node.kubernetes.io/memory-pressure' } : t))
    const e = apiError(() => s.api.update({ ...p, spec: { ...p.spec!, tolerations } }, as))
    expect(e.message).toBe('Pod "web-0" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds')
  })
})
