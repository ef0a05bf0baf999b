// node-cable: pulling a node's cable from the shell is what sim.failNode does (the node goes NotReady
// after the monitor grace period), plugging it back is sim.restoreNode; the terminal's own machine and
// unknown nodes are refused.

import { describe, expect, it } from 'vitest'
import { testShell } from '../../kubectl/mutate/test-shell'

const readyOf = (t: ReturnType<typeof testShell>, node: string) => t.sim.api.get('Node', '', node)?.status?.conditions?.find((c) => c.type === 'Ready')?.status

describe('node-cable', () => {
  it('unplugs a worker: its kubelet stops reporting and the node goes NotReady (Unknown)', async () => {
    const t = testShell()
    expect(await t.sh('node-cable unplug k8s-node1')).toEqual({ stdout: 'k8s-node1: network cable unplugged\n', stderr: '', exitCode: 0 })
    expect(t.sim.nodeHealth.isUp('k8s-node1')).toBe(false)
    t.sim.advance(60_000)
    expect(readyOf(t, 'k8s-node1')).toBe('Unknown')
    expect(readyOf(t, 'k8s-node2')).toBe('True')
  })

  it('plugs it back in and the node is Ready again', async () => {
    const t = testShell()
    await t.sh('node-cable unplug k8s-node1')
    t.sim.advance(60_000)
    expect(await t.sh('node-cable plug k8s-node1')).toEqual({ stdout: 'k8s-node1: network cable plugged back in\n', stderr: '', exitCode: 0 })
    t.sim.advance(20_000)
    expect(readyOf(t, 'k8s-node1')).toBe('True')
  })

  it('lists which cables are unplugged', async () => {
    const t = testShell()
    await t.sh('node-cable unplug k8s-node2')
    t.sim.advance(5_000)
    expect((await t.sh('node-cable')).stdout).toBe('k8s-master\tplugged in\nk8s-node1\tplugged in\nk8s-node2\tunplugged 5s ago\n')
  })

  it("refuses the terminal's own machine and nodes that do not exist", async () => {
    const t = testShell()
    expect(await t.sh('node-cable unplug k8s-master')).toEqual({ stdout: '', stderr: 'node-cable: this terminal runs on k8s-master; its cable stays in\n', exitCode: 1 })
    expect((await t.sh('node-cable unplug nope')).stderr).toBe('node-cable: no node named "nope" (nodes: k8s-master, k8s-node1, k8s-node2)\n')
    expect(t.sim.nodeHealth.outages()).toEqual([])
  })

  it('prints its usage for anything else, with exit status 2', async () => {
    const r = await testShell().sh('node-cable pull k8s-node1')
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('node-cable is part of the lab, not of Kubernetes.')
  })
})
