// `kubectl cluster-info` in the booted cluster: kubeadm's kube-dns Service is there, so the output is
// what the real kubectl v1.33.1 printed for such a Service (verbs/__golden__/cluster-info).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bootedEnv } from './test-env'

const golden = readFileSync(new URL('./__golden__/cluster-info/cluster-info.txt', import.meta.url), 'utf8')

describe('kubectl cluster-info', () => {
  it('names the control plane and CoreDNS at the cluster address', async () => {
    const r = await bootedEnv().run(['cluster-info'])
    expect(r).toEqual({ stdout: golden, stderr: '', exitCode: 0 })
  })

  it('looks in kube-system whatever namespace the context has', async () => {
    const env = bootedEnv()
    await env.run(['config', 'set-context', '--current', '--namespace=default'])
    expect((await env.run(['cluster-info'])).stdout).toBe(golden)
  })
})
