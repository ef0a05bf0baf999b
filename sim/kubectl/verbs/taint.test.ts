// kubectl taint: every case of __golden__/taint/cases.txt, replayed against the objects the real
// kubectl v1.33.1 saw (__golden__/taint/world.json), prints what it printed (oracle.txt, made by
// mutate/__oracle__/capture.sh); and in a running cluster the taints keep pods off the node.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import world from './__golden__/taint/world.json'
import { normalize, readOracle, replayInWorld, type OracleWorld } from '../../testing/kubectl-oracle'
import { testShell } from '../mutate/test-shell'

const DIR = join(__dirname, '__golden__', 'taint')

describe('kubectl taint answers as kubectl v1.33.1 does', () => {
  it.each(readOracle(DIR).map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const got = await replayInWorld(world as unknown as OracleWorld, c.line)
    expect({ stdout: normalize(got.stdout), stderr: normalize(got.stderr), exit: got.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
  })
})

describe('kubectl taint in a running cluster', () => {
  it('taints the node, and new pods go to the other worker', async () => {
    const t = testShell()
    expect(await t.sh('kubectl taint nodes k8s-node1 dedicated=db:NoSchedule')).toEqual({ stdout: 'node/k8s-node1 tainted\n', stderr: '', exitCode: 0 })
    expect(t.sim.api.get('Node', '', 'k8s-node1')?.spec?.taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }])
    await t.sh('kubectl create deployment spread --image=nginx --replicas=4')
    t.sim.settle()
    const nodes = t.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.spec?.nodeName)
    expect(nodes).toEqual(['k8s-node2', 'k8s-node2', 'k8s-node2', 'k8s-node2'])
  })

  it('removes the taint again, leaving no taint list behind', async () => {
    const t = testShell()
    await t.sh('kubectl taint nodes k8s-node1 dedicated=db:NoSchedule')
    expect(await t.sh('kubectl taint nodes k8s-node1 dedicated-')).toEqual({ stdout: 'node/k8s-node1 untainted\n', stderr: '', exitCode: 0 })
    expect(t.sim.api.get('Node', '', 'k8s-node1')?.spec?.taints).toBeUndefined()
  })
})
