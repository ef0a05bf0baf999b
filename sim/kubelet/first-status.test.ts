import { describe, it, expect } from 'vitest'
import { testSim } from '../testing/harness'
import type { Pod } from '../api/types'
import { isPodReady } from '../api/pod-util'

describe('the kubelet\'s first status of a pod', () => {
  it('never reports Ready before the container is running', () => {
    const sim = testSim()
    const seen: string[] = []
    sim.api.watch((ev) => {
      const p = ev.object as unknown as Pod
      if (p.metadata?.name === 'p' && isPodReady(p) && p.status?.phase !== 'Running') seen.push(`Ready while ${p.status?.phase}`)
    }, ['Pod'])
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, { actor: 'kubectl' })
    sim.settle()
    expect(seen).toEqual([])
    expect(isPodReady(sim.api.read('Pod', 'default', 'p') as unknown as Pod)).toBe(true)
  })
})
