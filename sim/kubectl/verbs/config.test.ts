// `kubectl config` changes what later commands do: the namespace of the current context is the one
// `get` lists (clientcmd Namespace()). Texts from kubectl pkg/cmd/config (set_context.go, use_context.go).
import { describe, expect, it } from 'vitest'
import { webWorldEnv } from '../__fixtures__/env'
import { KubeconfigState } from '../kubeconfig'

describe('kubectl config set-context --current --namespace', () => {
  it('makes later commands work in that namespace', async () => {
    const env = webWorldEnv({ kubeconfig: new KubeconfigState() })
    expect((await env.run(['config', 'set-context', '--current', '--namespace=kube-system'])).stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n')
    const r = await env.run(['get', 'pods'])
    expect(r.stderr).toBe('No resources found in kube-system namespace.\n')
  })

  it('shows the namespace in get-contexts', async () => {
    const env = webWorldEnv({ kubeconfig: new KubeconfigState() })
    await env.run(['config', 'set-context', '--current', '--namespace=web'])
    const r = await env.run(['config', 'get-contexts'])
    expect(r.stdout).toBe('CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   web\n')
  })
})

describe('kubectl config use-context', () => {
  it('switches to a context made with set-context', async () => {
    const env = webWorldEnv({ kubeconfig: new KubeconfigState() })
    await env.run(['config', 'set-context', 'dev', '--cluster=kubernetes', '--user=kubernetes-admin', '--namespace=dev'])
    expect((await env.run(['config', 'use-context', 'dev'])).stdout).toBe('Switched to context "dev".\n')
    expect((await env.run(['config', 'current-context'])).stdout).toBe('dev\n')
  })
})
