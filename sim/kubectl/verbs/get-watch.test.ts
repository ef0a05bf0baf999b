// `kubectl get -w` (kubectl-output.md §1.6 and §11.12): the list, then one row per watch event, with
// column widths that only ever grow, until Ctrl-C.

import { describe, expect, it } from 'vitest'
import type { Obj } from '../../api/types'
import { webWorldEnv } from '../__fixtures__/env'

function newPod(name: string): Obj<'Pod'> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] },
  }
}

function setStatus(env: ReturnType<typeof webWorldEnv>, name: string, status: Obj<'Pod'>['status']) {
  const cur = env.sim.api.read('Pod', 'default', name)
  env.sim.api.updateStatus({ ...cur, status }, { actor: 'kubelet' })
}

const creating = { phase: 'Pending', containerStatuses: [{ name: 'nginx', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }
const running = { phase: 'Running', containerStatuses: [{ name: 'nginx', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] }

describe('kubectl get -w', () => {
  it('prints the list, then a row per event, widening STATUS from the row that needs it (§11.12)', async () => {
    const env = webWorldEnv()
    const w = env.start(['get', 'pods', '-w', '-l', 'app=nginx'])
    env.sim.api.create(newPod('web-3'), { actor: 'kubectl' })
    setStatus(env, 'web-3', creating)
    env.sim.clock.advanceTo(env.sim.now() + 2000)
    setStatus(env, 'web-3', running)
    const r = await w.stop()
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-0   1/1     Running   0          5m28s\n' +
        'web-1   1/1     Running   0          5m14s\n' +
        'web-2   1/1     Running   0          5m1s\n' +
        'web-3   0/1     Pending   0          0s\n' +
        'web-3   0/1     ContainerCreating   0          0s\n' +
        'web-3   1/1     Running             0          2s\n',
    )
  })

  it('exits with status 1 and no summary after Ctrl-C', async () => {
    const env = webWorldEnv()
    const r = await env.start(['get', 'sts', '-w']).stop()
    expect([r.exitCode, r.stderr]).toEqual([1, ''])
  })

  it('prints nothing for an empty list, then the header with the first row', async () => {
    const env = webWorldEnv()
    const w = env.start(['get', 'pods', '-w', '-n', 'kube-system'])
    expect(w.output().stdout + w.output().stderr).toBe('')
    env.sim.api.create({ ...newPod('coredns-0'), metadata: { name: 'coredns-0', namespace: 'kube-system' } }, { actor: 'kubectl' })
    const r = await w.stop()
    expect(r.stdout).toBe('NAME        READY   STATUS    RESTARTS   AGE\ncoredns-0   0/1     Pending   0          0s\n')
  })

  it('adds an EVENT column with --output-watch-events', async () => {
    const env = webWorldEnv()
    const w = env.start(['get', 'sts', '-w', '--output-watch-events'])
    env.sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl', propagationPolicy: 'Orphan' })
    const r = await w.stop()
    // The first two lines are as the real kubectl prints them (over fakeapi).
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['EVENT      NAME   READY   AGE', 'ADDED      web    3/3     5m28s'])
  })

  it('starts with the events only under --watch-only', async () => {
    const env = webWorldEnv()
    const w = env.start(['get', 'pods', '--watch-only'])
    setStatus(env, 'web-0', { ...running, podIP: '10.244.1.5' })
    const r = await w.stop()
    expect(r.stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          5m28s\n')
  })

  it('refuses more than one type', async () => {
    const env = webWorldEnv()
    const r = await env.run(['get', 'pods,svc', '-w'])
    expect([r.stderr, r.exitCode]).toEqual(['error: you may only specify a single resource type\n', 1])
  })

  it('warns that --sort-by only applies to the first list', async () => {
    const env = webWorldEnv()
    const r = await env.start(['get', 'pods', '-w', '--sort-by=.metadata.name']).stop()
    expect(r.stderr).toBe('warning: --watch requested, --sort-by will be ignored for watch events received\n')
  })

  it('ends after --request-timeout with status 0', async () => {
    const env = webWorldEnv()
    const r = await env.run(['get', 'sts', '-w', '--request-timeout=1s'])
    expect([r.stdout, r.exitCode]).toEqual(['NAME   READY   AGE\nweb    3/3     5m28s\n', 0])
  })
})

describe('kubectl get -w with -o', () => {
  it('prints each object as yaml (one object: no separator)', async () => {
    const env = webWorldEnv()
    const r = await env.run(['get', 'sts', '-w', '-o', 'yaml', '--request-timeout=1s'])
    expect(r.stdout.startsWith('apiVersion: apps/v1\nkind: StatefulSet\n') && !r.stdout.includes('---')).toBe(true)
  })

  it('prints names with -o name', async () => {
    const env = webWorldEnv()
    const r = await env.run(['get', 'cm', '-w', '-o', 'name', '--request-timeout=1s'])
    expect(r.stdout).toBe('configmap/kube-root-ca.crt\nconfigmap/web-config\n')
  })

  it('prints watch events as compact JSON, type first (as the real kubectl over fakeapi)', async () => {
    const env = webWorldEnv()
    const r = await env.run(['get', 'cm', '-w', '-o', 'json', '--output-watch-events', '--request-timeout=1s'])
    expect(r.stdout.split('\n')[1]).toBe(
      '{"type":"ADDED","object":{"apiVersion":"v1","data":{"index.html":"\\u003ch1\\u003eweb\\u003c/h1\\u003e\\n","nginx.conf":"server { listen 80; }\\n"},"kind":"ConfigMap","metadata":{"creationTimestamp":"2024-07-16T10:23:58Z","name":"web-config","namespace":"default","resourceVersion":"1015","uid":"19ea230f-1aea-44a2-9bea-263514ea1b30"}}}',
    )
  })
})
