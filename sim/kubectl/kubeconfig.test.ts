// The kubeconfig state: the namespace a command works in, and --context.

import { describe, expect, it } from 'vitest'
import { DEFAULT_CONTEXT, KubeconfigState } from './kubeconfig'

describe('KubeconfigState', () => {
  it('works in default when nothing says otherwise', () => {
    expect(new KubeconfigState().namespace({ namespace: '', context: '' })).toEqual({ namespace: 'default', explicit: false })
  })

  it('uses the namespace --namespace names, as an explicit choice', () => {
    expect(new KubeconfigState().namespace({ namespace: 'kube-system', context: '' })).toEqual({ namespace: 'kube-system', explicit: true })
  })

  it('uses the current context namespace after set-context --current --namespace', () => {
    const k = new KubeconfigState()
    k.setContext(k.currentContext, { namespace: 'web' })
    expect(k.namespace({ namespace: '', context: '' })).toEqual({ namespace: 'web', explicit: false })
  })

  it('refuses an unknown --context with clientcmd error', () => {
    expect(() => new KubeconfigState().resolveContext('nope')).toThrow('Error in configuration: context was not found for specified context: nope')
  })

  it('starts in the kubeadm admin context', () => {
    expect(new KubeconfigState().toJSON()).toEqual({ currentContext: DEFAULT_CONTEXT, contexts: { [DEFAULT_CONTEXT]: { cluster: 'kubernetes', user: 'kubernetes-admin' } } })
  })
})
