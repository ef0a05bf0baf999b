// `kubectl wait` in a running cluster: texts from kubectl pkg/cmd/wait (PrintFlags "condition met",
// extendErrWaitTimeout "timed out waiting for the condition on pods/web-0").
import { describe, expect, it } from 'vitest'
import { headlessService, webStatefulSet } from '../../testing/fixtures'
import { bootedEnv } from './test-env'

function creatingWeb() {
  const env = bootedEnv()
  env.create(headlessService(), webStatefulSet())
  env.sim.drain()
  return env
}

const isReady = (env: ReturnType<typeof bootedEnv>, name: string) =>
  env.sim.api.get('Pod', 'default', name)?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')

describe('kubectl wait --for=condition', () => {
  it('waits while web-0 starts and reports the condition met', async () => {
    const env = creatingWeb()
    const r = await env.run(['wait', '--for=condition=Ready', 'pod/web-0'])
    expect(r).toEqual({ stdout: 'pod/web-0 condition met\n', stderr: '', exitCode: 0 })
    expect(isReady(env, 'web-0')).toBe(true)
  })

  it('lets virtual time pass only until the condition holds', async () => {
    const env = creatingWeb()
    const start = env.sim.now()
    await env.run(['wait', '--for=condition=Ready', 'pod/web-0'])
    expect(env.sim.now()).toBeGreaterThan(start)
    expect(env.sim.api.get('Pod', 'default', 'web-2')).toBeUndefined()
  })

  it('waits for every pod a selector matches, in list order', async () => {
    const env = creatingWeb()
    await env.run(['rollout', 'status', 'sts/web'])
    const r = await env.run(['wait', '--for=condition=Ready', 'pod', '-l', 'app=nginx'])
    expect(r.stdout).toBe('pod/web-0 condition met\npod/web-1 condition met\npod/web-2 condition met\n')
  })

  it('is met at once by a starting pod for Ready=false', async () => {
    const env = creatingWeb()
    const r = await env.run(['wait', '--for=condition=Ready=false', 'pod/web-0'])
    expect(r.stdout).toBe('pod/web-0 condition met\n')
  })

  it('times out after --timeout with the object named', async () => {
    const env = creatingWeb()
    await env.run(['rollout', 'status', 'sts/web'])
    const start = env.sim.now()
    const r = await env.run(['wait', '--for=condition=Ready=false', 'pod/web-0', '--timeout=5s'])
    expect(r).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/web-0\n', exitCode: 1 })
    expect(env.sim.now() - start).toBe(5000)
  })

  it('waits 30 seconds by default', async () => {
    const env = creatingWeb()
    const start = env.sim.now()
    await env.run(['wait', '--for=condition=Nonexistent', 'pod/web-0'])
    expect(env.sim.now() - start).toBe(30_000)
  })

  it('waits for a jsonpath value', async () => {
    const env = creatingWeb()
    const r = await env.run(['wait', '--for=jsonpath={.status.readyReplicas}=3', 'sts/web', '--timeout=5m'])
    expect(r.stdout).toBe('statefulset.apps/web condition met\n')
    expect(env.sim.api.read('StatefulSet', 'default', 'web').status?.readyReplicas).toBe(3)
  })
})

describe('kubectl wait --for=delete', () => {
  it('returns once a deleted pod is gone', async () => {
    const env = creatingWeb()
    await env.run(['rollout', 'status', 'sts/web'])
    env.sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    const r = await env.run(['wait', '--for=delete', 'pod/web-1', '--timeout=60s'])
    expect(r).toEqual({ stdout: 'pod/web-1 condition met\n', stderr: '', exitCode: 0 })
  })

  it('succeeds silently when the object is already gone', async () => {
    const env = bootedEnv()
    const r = await env.run(['wait', '--for=delete', 'pod/web-0'])
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('times out on a pod nobody deletes', async () => {
    const env = creatingWeb()
    await env.run(['rollout', 'status', 'sts/web'])
    const r = await env.run(['wait', '--for=delete', 'pod/web-0', '--timeout=10s'])
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/web-0\n')
  })
})

describe('kubectl wait --for=create', () => {
  it('polls until the StatefulSet controller creates the pod', async () => {
    const env = creatingWeb()
    const r = await env.run(['wait', '--for=create', 'pod/web-1', '--timeout=2m'])
    expect(r.stdout).toBe('pod/web-1 condition met\n')
  })
})
