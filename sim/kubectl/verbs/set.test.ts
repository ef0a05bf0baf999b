// kubectl set image in a running cluster (kubectl-output.md §11.11).

import { describe, expect, it } from 'vitest'
import { webShell } from '../mutate/test-shell'

describe('kubectl set image', () => {
  it('updates the template image and says so', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.27')
    expect(r).toEqual({ stdout: 'statefulset.apps/web image updated\n', stderr: '', exitCode: 0 })
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.template.spec?.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.27')
  })

  it('starts a rolling update of the pods', async () => {
    const t = await webShell()
    await t.sh('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.27')
    t.sim.settle()
    expect(t.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.spec?.containers[0].image)).toEqual(new Array(3).fill('registry.k8s.io/nginx-slim:0.27'))
  })

  it('prints nothing when the image is already set', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.24')
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('updates every container with *', async () => {
    const t = await webShell()
    await t.sh("kubectl set image sts/web '*=registry.k8s.io/nginx-slim:0.27'")
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.template.spec?.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.27')
  })

  it('names a container that does not exist', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl set image sts/web web=nginx')
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to find container named "web"\n', exitCode: 1 })
  })
})
