// Init containers run one after the other to completion before the containers start (kubectl shows
// Init:0/1, PodInitializing, then Running); a failing one is retried with back-off, or fails the pod
// when restartPolicy is Never. Semantics and STATUS cells from the reference §6.1 (printers.go) and
// kubelet_pods.go getPhase / status/generate.go ("containers with incomplete status: [...]").

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const withInit = (initCommand: string[], extra: Record<string, unknown> = {}) =>
  podManifest('web-0', {
    initContainers: [{ name: 'init', image: 'busybox:1.36', command: initCommand }],
    containers: [{ name: 'nginx', image: 'nginx:1.27' }],
    ...extra,
  })

describe('init containers', () => {
  it('run to completion before the containers start', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, withInit(['sleep', '3']))
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 Init:0/1 0', '0/1 PodInitializing 0', '1/1 Running 0'])
    const st = sim.api.read('Pod', 'default', 'web-0').status!
    expect(st.initContainerStatuses![0]).toMatchObject({ name: 'init', ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } })
    const reasons = kubeletEvents(sim, 'web-0').map((e) => `${e.reason} ${e.fieldPath}`)
    expect(reasons.indexOf('Started spec.initContainers{init}')).toBeLessThan(reasons.indexOf('Started spec.containers{nginx}'))
  })

  it('hold Initialized false until they are done', () => {
    const sim = kubeletSim()
    createAs(sim, withInit(['sleep', '30']))
    sim.tick(10_000)
    const st = sim.api.read('Pod', 'default', 'web-0').status!
    expect(st.phase).toBe('Pending')
    expect(st.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init]' })
    expect(st.containerStatuses![0].state!.waiting!.reason).toBe('PodInitializing')
  })

  it('are retried with back-off when they fail', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, withInit(['sh', '-c', 'exit 1']))
    sim.tick(30_000)
    expect(w.rows).toContain('0/1 Init:Error 0')
    expect(w.rows).toContain('0/1 Init:CrashLoopBackOff 0')
    expect(sim.api.read('Pod', 'default', 'web-0').status!.initContainerStatuses![0].restartCount).toBeGreaterThan(0)
  })

  it('fail the pod when restartPolicy is Never', () => {
    const sim = kubeletSim()
    createAs(sim, withInit(['sh', '-c', 'exit 1'], { restartPolicy: 'Never' }))
    sim.settle()
    const st = sim.api.read('Pod', 'default', 'web-0').status!
    expect(st.phase).toBe('Failed')
    expect(st.containerStatuses![0].state!.waiting!.reason).toBe('PodInitializing')
  })
})

describe('Secret and projected volumes', () => {
  it('show a Secret as one decoded file per key, read-only', () => {
    const sim = kubeletSim()
    createAs(
      sim,
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: btoa('s3cret') } },
      podManifest('web-0', {
        containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'creds', mountPath: '/etc/creds' }] }],
        volumes: [{ name: 'creds', secret: { secretName: 'db' } }],
      }),
    )
    sim.settle()
    const fs = sim.runtime.fs('default', 'web-0')
    if (!fs.ok) throw new Error(fs.message)
    expect(fs.value.readdir('/etc/creds')).toEqual(['password'])
    expect(fs.value.readFile('/etc/creds/password')).toBe('s3cret')
    expect(() => fs.value.writeFile('/etc/creds/password', 'x')).toThrow(/EROFS/)
  })

  it('give the service account directory its token, CA and namespace', () => {
    const sim = kubeletSim()
    createAs(
      sim,
      podManifest('web-0', {
        containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
        volumes: [
          {
            name: 'kube-api-access-abcde',
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
              ],
            },
          },
        ],
      }),
    )
    sim.settle()
    const fs = sim.runtime.fs('default', 'web-0')
    if (!fs.ok) throw new Error(fs.message)
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount'
    expect(fs.value.readdir(dir)).toEqual(['ca.crt', 'namespace', 'token'])
    expect(fs.value.readFile(`${dir}/namespace`)).toBe('default')
    expect(fs.value.readFile(`${dir}/token`)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(fs.value.readFile(`${dir}/ca.crt`)).toContain('BEGIN CERTIFICATE')
  })
})
