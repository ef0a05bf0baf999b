// describe in the reference's worked-example world (kubectl-output.md §10; the same objects as
// shared/tools/fakeapi/web-world.json), compared with the exact bytes of §11.8–§11.10, which were
// checked against the real kubectl v1.33.1 (copied to __golden__/reference/). And the pod template of
// `rollout history --revision` (§11.11), written without a tabwriter.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { webWorldEnv } from '../__fixtures__/env'
import { describePodTemplate, rawWriter } from '.'

const ref = (name: string) => fs.readFileSync(path.join(__dirname, '__golden__', 'reference', name), 'utf8')

describe('describe in the reference world', () => {
  it('prints §11.8 for `kubectl describe sts web`', async () => {
    expect((await webWorldEnv().run(['describe', 'sts', 'web'])).stdout).toBe(ref('describe-sts-web.txt'))
  })

  it('prints §11.9 for `kubectl describe pod web-0`', async () => {
    expect((await webWorldEnv().run(['describe', 'pod', 'web-0'])).stdout).toBe(ref('describe-pod-web-0.txt'))
  })

  it('prints §11.10 for `kubectl describe pvc www-web-0`', async () => {
    expect((await webWorldEnv().run(['describe', 'pvc', 'www-web-0'])).stdout).toBe(ref('describe-pvc-www-web-0.txt'))
  })

  it('prints §11.10 for `kubectl describe svc nginx`', async () => {
    expect((await webWorldEnv().run(['describe', 'svc', 'nginx'])).stdout).toBe(ref('describe-svc-nginx.txt'))
  })
})

describe('the pod template describer without a tabwriter', () => {
  it('writes raw tabs, as `rollout history --revision=2` shows revision 2 (§11.11)', () => {
    const env = webWorldEnv()
    const sts = env.sim.api.read('StatefulSet', 'default', 'web') as unknown as { spec: { template: PodTemplateSpec } }
    const template = structuredClone(sts.spec.template)
    template.spec!.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'
    const w = rawWriter()
    describePodTemplate(template, w)
    const expected = ref('rollout-history-revision-2.txt').split('\n').slice(1, -2).join('\n') + '\n'
    expect(w.text()).toBe(expected)
  })
})
