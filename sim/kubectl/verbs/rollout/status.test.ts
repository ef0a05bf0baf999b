// `kubectl rollout status` in a running cluster: the expected lines are kubectl-output.md §4 and §11.11
// (texts from kubectl's polymorphichelpers/rollout_status.go).
import { describe, expect, it } from 'vitest'
import { editWeb, headlessService, webStatefulSet } from '../../../testing/fixtures'
import { bootedEnv, distinctRuns, lines } from '../test-env'

function webRunning(o: Parameters<typeof webStatefulSet>[0] = {}) {
  const env = bootedEnv()
  env.create(headlessService(), webStatefulSet(o))
  env.sim.settle()
  return env
}

describe('kubectl rollout status for a StatefulSet', () => {
  it('follows a new StatefulSet from spec observation to partitioned roll out complete (§4)', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    const r = await env.run(['rollout', 'status', 'sts/web'])
    expect(r.exitCode).toBe(0)
    expect(distinctRuns(lines(r.stdout))).toEqual([
      'Waiting for statefulset spec update to be observed...',
      'Waiting for 3 pods to be ready...',
      'Waiting for 2 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 3 new pods have been updated...',
    ])
  })

  it('leaves the pods Running and Ready when it returns', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    await env.run(['rollout', 'status', 'statefulset/web'])
    expect(env.sim.api.read('StatefulSet', 'default', 'web').status?.readyReplicas).toBe(3)
  })

  it('follows set image through every pod replaced in reverse order (§11.11)', async () => {
    const env = webRunning({ replicas: 5 })
    editWeb(env.sim, (s) => (s.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
    const r = await env.run(['rollout', 'status', 'sts/web'])
    expect(distinctRuns(lines(r.stdout))).toEqual([
      'Waiting for partitioned roll out to finish: 0 out of 5 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 1 out of 5 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 2 out of 5 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 3 out of 5 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 4 out of 5 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 5 new pods have been updated...',
    ])
  })

  it('prints one line for a finished rollout', async () => {
    const env = webRunning()
    const r = await env.run(['rollout', 'status', 'sts/web'])
    expect(r.stdout).toBe('partitioned roll out complete: 3 new pods have been updated...\n')
  })

  it('counts only the pods above the partition (§4)', async () => {
    const env = webRunning({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } })
    editWeb(env.sim, (s) => (s.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
    const r = await env.run(['rollout', 'status', 'sts/web'])
    const out = distinctRuns(lines(r.stdout))
    expect(out[0]).toBe('Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...')
    expect(out[out.length - 1]).toBe('partitioned roll out complete: 1 new pods have been updated...')
  })

  it('prints a single line and exits with --watch=false', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    env.sim.drain()
    const r = await env.run(['rollout', 'status', 'sts/web', '--watch=false'])
    expect(r).toEqual({ stdout: 'Waiting for 3 pods to be ready...\n', stderr: '', exitCode: 0 })
  })

  it('gives up after --timeout with the wait error', async () => {
    const env = webRunning()
    editWeb(env.sim, (s) => (s.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:9.99'))
    const start = env.sim.now()
    const r = await env.run(['rollout', 'status', 'sts/web', '--timeout=20s'])
    expect(r.stderr).toBe('error: timed out waiting for the condition\n')
    expect(r.exitCode).toBe(1)
    expect(env.sim.now() - start).toBe(20_000)
  })

  it('refuses an OnDelete StatefulSet', async () => {
    const env = webRunning({ updateStrategy: { type: 'OnDelete' } })
    const r = await env.run(['rollout', 'status', 'sts/web'])
    expect(r.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n')
  })

  it('reports a missing StatefulSet as the server does', async () => {
    const env = bootedEnv()
    const r = await env.run(['rollout', 'status', 'sts/x'])
    expect(r.stderr).toBe('Error from server (NotFound): statefulsets.apps "x" not found\n')
  })

  it('says no resources were found for a selector that matches nothing', async () => {
    const env = webRunning()
    const r = await env.run(['rollout', 'status', 'sts', '-l', 'app=none'])
    expect(r).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
  })

  it('requires a resource', async () => {
    const env = bootedEnv()
    const r = await env.run(['rollout', 'status'])
    expect(r.stderr).toBe('error: required resource not specified\n')
  })
})

describe('kubectl rollout status for a Deployment', () => {
  it('ends with successfully rolled out once the CoreDNS Deployment is available', async () => {
    const env = bootedEnv()
    const r = await env.run(['rollout', 'status', 'deployment/coredns', '-n', 'kube-system'])
    expect(r.stdout).toBe('deployment "coredns" successfully rolled out\n')
  })
})
