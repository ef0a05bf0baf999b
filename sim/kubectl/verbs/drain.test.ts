// cordon / uncordon / drain in a running cluster. Texts: kubectl pkg/cmd/drain/drain.go (cordoned,
// drained, "unable to drain node"), pkg/drain/drain.go (evicting pod, retry after 5s, global timeout),
// pkg/drain/filters.go; the 429 message is the eviction subresource's (sim/api/eviction.ts).
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import { headlessService, webStatefulSet } from '../../testing/fixtures'
import { bootedEnv, lines } from './test-env'

const pdb = (minAvailable: number) =>
  ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable, selector: { matchLabels: { app: 'nginx' } } } }) as KubeObject

async function running(...extra: KubeObject[]) {
  const env = bootedEnv()
  env.create(headlessService(), webStatefulSet({ volumeClaimTemplates: false }), ...extra)
  await env.run(['rollout', 'status', 'sts/web'])
  env.sim.settle()
  return env
}

const podsOn = (env: ReturnType<typeof bootedEnv>, node: string) =>
  env.sim.api.list('Pod', { fields: { 'spec.nodeName': node } }).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)

describe('kubectl cordon and uncordon', () => {
  it('marks the node unschedulable', async () => {
    const env = bootedEnv()
    const r = await env.run(['cordon', 'k8s-node1'])
    expect(r).toEqual({ stdout: 'node/k8s-node1 cordoned\n', stderr: '', exitCode: 0 })
    expect(env.sim.api.read('Node', '', 'k8s-node1').spec?.unschedulable).toBe(true)
  })

  it('shows SchedulingDisabled in get nodes', async () => {
    const env = bootedEnv()
    await env.run(['cordon', 'k8s-node1'])
    const r = await env.run(['get', 'nodes'])
    expect(lines(r.stdout).find((l) => l.startsWith('k8s-node1'))).toMatch(/^k8s-node1\s+Ready,SchedulingDisabled\s/)
  })

  it('says a cordoned node is already cordoned', async () => {
    const env = bootedEnv()
    await env.run(['cordon', 'k8s-node1'])
    const r = await env.run(['cordon', 'k8s-node1'])
    expect(r.stdout).toBe('node/k8s-node1 already cordoned\n')
  })

  it('makes the node schedulable again', async () => {
    const env = bootedEnv()
    await env.run(['cordon', 'k8s-node1'])
    const r = await env.run(['uncordon', 'k8s-node1'])
    expect(r.stdout).toBe('node/k8s-node1 uncordoned\n')
    expect(env.sim.api.read('Node', '', 'k8s-node1').spec?.unschedulable).toBeUndefined()
  })

  it('says a schedulable node is already uncordoned', async () => {
    const env = bootedEnv()
    const r = await env.run(['uncordon', 'k8s-node2'])
    expect(r.stdout).toBe('node/k8s-node2 already uncordoned\n')
  })

  it('keeps new pods off a cordoned node', async () => {
    const env = bootedEnv()
    await env.run(['cordon', 'k8s-node1'])
    env.create(headlessService(), webStatefulSet({ volumeClaimTemplates: false }))
    await env.run(['rollout', 'status', 'sts/web'])
    expect(podsOn(env, 'k8s-node1').filter((p) => p.startsWith('default/'))).toEqual([])
  })
})

describe('kubectl drain', () => {
  it('cordons, evicts every pod on the node and reports it drained', async () => {
    const env = await running()
    const pods = podsOn(env, 'k8s-node1')
    const r = await env.run(['drain', 'k8s-node1'])
    const out = lines(r.stdout)
    expect(out[0]).toBe('node/k8s-node1 cordoned')
    expect(out.slice(1, 1 + pods.length)).toEqual(pods.map((p) => `evicting pod ${p}`))
    expect(out.slice(1 + pods.length, -1).sort()).toEqual(pods.map((p) => `pod/${p.split('/')[1]} evicted`).sort())
    expect(out[out.length - 1]).toBe('node/k8s-node1 drained')
    expect(r.exitCode).toBe(0)
  })

  it('leaves no pod on the drained node', async () => {
    const env = await running()
    await env.run(['drain', 'k8s-node1'])
    env.sim.settle()
    expect(podsOn(env, 'k8s-node1')).toEqual([])
  })

  it('retries an eviction the budget refuses every 5 seconds until the budget allows it', async () => {
    const env = await running(pdb(2))
    const r = await env.run(['drain', 'k8s-node1'])
    const webOnNode = podsOn(env, 'k8s-node1').length
    expect(webOnNode).toBe(0)
    expect(lines(r.stderr).length).toBeGreaterThan(0)
    for (const l of lines(r.stderr)) {
      expect(l).toMatch(/^error when evicting pods\/"web-\d" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/)
    }
    expect(lines(r.stdout).pop()).toBe('node/k8s-node1 drained')
  })

  it('gives up at --timeout while the budget allows no disruption', async () => {
    const env = await running(pdb(3))
    const webs = podsOn(env, 'k8s-node1')
      .filter((p) => p.startsWith('default/'))
      .map((p) => p.split('/')[1])
    const start = env.sim.now()
    const r = await env.run(['drain', 'k8s-node1', '--timeout=20s'])
    // Each blocked pod: attempts at 0, 5, 10 and 15 s are refused; at 20 s the deadline has passed.
    const retries = lines(r.stderr).filter((l) => l.endsWith("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."))
    expect(retries).toHaveLength(4 * webs.length)
    for (const w of webs) expect(lines(r.stdout).filter((l) => l === `evicting pod default/${w}`)).toHaveLength(5)
    const timeouts = webs.map((w) => `error when evicting pods/"${w}" -n "default": global timeout reached: 20s`)
    const agg = timeouts.length === 1 ? timeouts[0] : `[${timeouts.join(', ')}]`
    expect(r.stderr.slice(r.stderr.indexOf('There are pending pods'))).toBe(
      `There are pending pods in node "k8s-node1" when an error occurred: ${agg}\n` +
        webs.map((w) => `pod/${w}\n`).join('') +
        `error: unable to drain node "k8s-node1" due to error: ${agg}, continuing command...\n` +
        'There are pending nodes to be drained:\n k8s-node1\n' +
        timeouts.map((t) => `${t}\n`).join(''),
    )
    expect(r.exitCode).toBe(1)
    expect(env.sim.now() - start).toBe(20_000)
  })

  it('stops in the headless runner once nothing can change while the budget blocks', async () => {
    const env = await running(pdb(3))
    const r = await env.run(['drain', 'k8s-node1'])
    expect(r.exitCode).toBe(1)
    expect(lines(r.stdout).pop()).toMatch(/^evicting pod default\/web-\d$/)
  })

  it('refuses a pod without a controller unless --force', async () => {
    const env = bootedEnv()
    env.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx' },
      spec: { nodeName: 'k8s-node1', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    })
    env.sim.settle()
    const r = await env.run(['drain', 'k8s-node1'])
    const error = 'cannot delete cannot delete Pods that declare no controller (use --force to override): default/nginx'
    expect(r.stderr).toBe(`error: unable to drain node "k8s-node1" due to error: ${error}, continuing command...\nThere are pending nodes to be drained:\n k8s-node1\n${error}\n`)
    expect(r.stdout).toBe('node/k8s-node1 cordoned\n')
  })

  it('deletes a pod without a controller with --force, warning about it', async () => {
    const env = bootedEnv()
    env.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx' },
      spec: { nodeName: 'k8s-node2', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    })
    env.sim.settle()
    const r = await env.run(['drain', 'k8s-node2', '--force'])
    expect(r.stderr).toBe('Warning: deleting Pods that declare no controller: default/nginx\n')
    expect(r.stdout).toContain('pod/nginx evicted\n')
    expect(env.sim.api.get('Pod', 'default', 'nginx')).toBeUndefined()
  })

  it('deletes instead of evicting with --disable-eviction, past the budget', async () => {
    const env = await running(pdb(3))
    const pods = podsOn(env, 'k8s-node1')
    const r = await env.run(['drain', 'k8s-node1', '--disable-eviction'])
    expect(r.stdout).not.toContain('evicting')
    expect(lines(r.stdout).filter((l) => l.endsWith(' deleted')).sort()).toEqual(pods.map((p) => `pod/${p.split('/')[1]} deleted`).sort())
    expect(lines(r.stdout).pop()).toBe('node/k8s-node1 drained')
  })
})
