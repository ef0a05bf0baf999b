import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { Deployment, ReplicaSet } from '../types'
import { apiError } from './fixtures'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

function deployment(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    },
  }
}

describe('Deployment defaults', () => {
  it('fills replicas, a 25%/25% rolling update, history and progress deadline (apps/v1 SetDefaults_Deployment)', () => {
    const s = sim()
    const d = s.api.create(deployment(), as) as Deployment
    expect(d.spec!.replicas).toBe(1)
    expect(d.spec!.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } })
    expect(d.spec!.revisionHistoryLimit).toBe(10)
    expect(d.spec!.progressDeadlineSeconds).toBe(600)
    expect(d.spec!.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } })
    expect(d.status).toEqual({})
  })
})

describe('Deployment validation', () => {
  it('gives both errors for a missing selector', () => {
    const s = sim()
    const input = deployment()
    delete input.spec.selector
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    )
  })

  it('validates the pod template as a pod spec', () => {
    const s = sim()
    const input = deployment()
    input.spec.template.spec.containers[0].image = ''
    expect(apiError(() => s.api.create(input, as)).message).toBe('Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value')
  })

  it('rejects a rolling update that may neither add nor remove pods', () => {
    const s = sim()
    const input = deployment()
    input.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    )
  })

  it('forbids changing the selector in apps/v1', () => {
    const s = sim()
    const d = s.api.create(deployment(), as) as Deployment
    const next = {
      ...d,
      spec: { ...d.spec!, selector: { matchLabels: { app: 'web2' } }, template: { ...d.spec!.template, metadata: { labels: { app: 'web2' } } } },
    }
    expect(apiError(() => s.api.update(next, as)).message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })
})

describe('ReplicaSets', () => {
  const rs = (): Record<string, any> => ({ ...deployment(), kind: 'ReplicaSet', metadata: { name: 'web-5d8c6b7f9c', namespace: 'default' } })

  it('default to one replica and start with status.replicas 0', () => {
    const s = sim()
    const got = s.api.create(rs(), as) as ReplicaSet
    expect(got.spec!.replicas).toBe(1)
    expect(got.status).toEqual({ replicas: 0 })
  })

  it('say "for deployment" about an empty selector, as upstream does', () => {
    const s = sim()
    const input = rs()
    input.spec.selector = {}
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'ReplicaSet.apps "web-5d8c6b7f9c" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    )
  })
})
