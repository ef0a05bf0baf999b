// Tab completion of kubectl: verbs, flags, resource types, object names.

import { describe, expect, it } from 'vitest'
import { createKubectl } from './kubectl'
import { webWorldEnv } from './__fixtures__/env'

function complete(line: string): string[] | undefined {
  const env = webWorldEnv()
  const words = line.split(' ')
  return createKubectl().complete!({ words, current: words[words.length - 1], cwd: '/root', fs: env.fs, sim: env.sim })
}

describe('kubectl completion', () => {
  it('completes command names', () => {
    expect(complete('kubectl ge')).toEqual(['get'])
  })

  it('completes resource types after get', () => {
    expect(complete('kubectl get stat')).toEqual(['statefulsets.apps'])
  })

  it('completes object names of the type in the namespace', () => {
    expect(complete('kubectl get pods web')).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('honours -n for names', () => {
    expect([complete('kubectl get cm -n default kube'), complete('kubectl get cm -n kube-system kube')]).toEqual([['kube-root-ca.crt'], []])
  })

  it('completes type/name', () => {
    expect(complete('kubectl get sts/')).toEqual(['sts/web'])
  })

  it('completes flag names', () => {
    expect(complete('kubectl get pods --sort')).toEqual(['--sort-by'])
  })
})
