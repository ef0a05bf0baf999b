// Tab completion of the rollout, node and config verbs. Expected candidates: what the real kubectl
// v1.33.1 answered to `kubectl __complete ...` against fakeapi serving the §10 world (nodes kind-*,
// StatefulSet web), e.g. `rollout status ''` -> deployment daemonset statefulset, `cordon ''` -> the
// three nodes, `cluster-info ''` -> dump, `completion ''` -> the four shells.
import { describe, expect, it } from 'vitest'
import { webWorldEnv } from '../__fixtures__/env'
import { createKubectl } from '../kubectl'

function complete(line: string): string[] | undefined {
  const env = webWorldEnv()
  const words = line.split(' ')
  const r = createKubectl().complete!({ words, current: words[words.length - 1], cwd: '/root', fs: env.fs, sim: env.sim })
  return r && [...r].sort()
}

describe('kubectl completion of the rollout verbs', () => {
  it('offers the rollout subcommands', () => {
    expect(complete('kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo'])
  })

  it('offers the kinds rollout handles, as kubectl spells them', () => {
    expect(complete('kubectl rollout status ')).toEqual(['daemonset', 'deployment', 'statefulset'])
  })

  it('offers the StatefulSets after statefulset', () => {
    expect(complete('kubectl rollout status statefulset ')).toEqual(['web'])
  })

  it('offers type/name after a slash', () => {
    expect(complete('kubectl rollout history statefulset/')).toEqual(['statefulset/web'])
  })
})

describe('kubectl completion of node and config verbs', () => {
  it('offers node names to cordon and drain', () => {
    expect([complete('kubectl cordon '), complete('kubectl drain kind-w')]).toEqual([
      ['kind-control-plane', 'kind-worker', 'kind-worker2'],
      ['kind-worker', 'kind-worker2'],
    ])
  })

  it('offers one node only', () => {
    expect(complete('kubectl uncordon kind-worker ')).toEqual([])
  })

  it('offers context names to use-context', () => {
    expect(complete('kubectl config use-context ')).toEqual(['kubernetes-admin@kubernetes'])
  })

  it('offers the subcommands of config and cluster-info', () => {
    expect([complete('kubectl config use'), complete('kubectl cluster-info ')]).toEqual([['use-context'], ['dump']])
  })

  it('offers the shells to completion', () => {
    expect(complete('kubectl completion ')).toEqual(['bash', 'fish', 'powershell', 'zsh'])
  })
})
