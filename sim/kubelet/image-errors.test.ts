// Images that cannot be had. Texts from upstream images/image_manager.go (EnsureImageExists,
// PR #127918's back-off message), kuberuntime_container.go ("Error: %v") and real captures of
// containerd's errors (kubectl-output.md §11.7 for the event layout).

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const pod = (image: string, extra: Record<string, unknown> = {}) => podManifest('web-0', { containers: [{ name: 'nginx', image, ...extra }] })

describe('an image that does not exist', () => {
  it('fails with ErrImagePull, then backs off with ImagePullBackOff, and again', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, pod('nginx:nope'))
    sim.tick(60_000)
    expect(w.rows.slice(0, 6)).toEqual([
      '0/1 Pending 0',
      '0/1 ContainerCreating 0',
      '0/1 ErrImagePull 0',
      '0/1 ImagePullBackOff 0',
      '0/1 ErrImagePull 0',
      '0/1 ImagePullBackOff 0',
    ])
  })

  it('records the pull failure and the back-off with the kubelet texts', () => {
    const sim = kubeletSim()
    createAs(sim, pod('nginx:nope'))
    sim.tick(5_000)
    const ev = kubeletEvents(sim, 'web-0').map((e) => `${e.type} ${e.reason}: ${e.message}`)
    expect(ev).toEqual([
      'Normal Pulling: Pulling image "nginx:nope"',
      'Warning Failed: Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
      'Warning Failed: Error: ErrImagePull',
      'Normal BackOff: Back-off pulling image "nginx:nope"',
      'Warning Failed: Error: ImagePullBackOff',
    ])
  })

  it('keeps the pull error in the back-off message', () => {
    const sim = kubeletSim()
    createAs(sim, pod('nginx:nope'))
    sim.tick(5_000)
    const waiting = sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting!
    expect(waiting.reason).toBe('ImagePullBackOff')
    expect(waiting.message).toBe(
      'Back-off pulling image "nginx:nope": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    )
  })

  it('waits 10s, then 20s, then 40s between pulls, and never more than 5 minutes', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, pod('nginx:nope'))
    sim.tick(30 * 60_000)
    const failures = w.timed.filter((r) => r.row === '0/1 ErrImagePull 0').map((r) => r.at)
    const gaps = failures.slice(1).map((t, i) => t - failures[i])
    // Each gap is the back-off plus the next failed pull (about 1.5s).
    const backoffs = [10, 20, 40, 80, 160, 300, 300]
    backoffs.forEach((b, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(b * 1000)
      expect(gaps[i]).toBeLessThan(b * 1000 + 3000)
    })
    expect(sim.api.read('Pod', 'default', 'web-0').status!.phase).toBe('Pending')
  })

  it('does not hold settle(): the back-off is a background wait', () => {
    const sim = kubeletSim()
    createAs(sim, pod('nginx:nope'))
    const r = sim.settle()
    expect(r.settled).toBe(true)
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting!.reason).toBe('ImagePullBackOff')
  })

  it('starts once the pod is given an image that exists', () => {
    const sim = kubeletSim()
    createAs(sim, pod('nginx:nope'))
    sim.settle()
    const p = sim.api.read('Pod', 'default', 'web-0')
    sim.api.update({ ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0], image: 'nginx:1.27' }] } }, { actor: 'kubectl' })
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'web-0').status!.phase).toBe('Running')
  })
})

describe('images the kubelet will not pull', () => {
  it('reports an unparsable name as InvalidImageName', () => {
    const sim = kubeletSim()
    createAs(sim, pod('Nginx'))
    sim.settle()
    const waiting = sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting!
    const text = 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format'
    expect(waiting).toEqual({ reason: 'InvalidImageName', message: text })
    expect(kubeletEvents(sim, 'web-0').map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([`Warning InspectFailed: ${text}`, 'Warning Failed: Error: InvalidImageName'])
  })

  it('reports ErrImageNeverPull for pull policy Never and an image not on the node', () => {
    const sim = kubeletSim()
    createAs(sim, pod('nginx:1.27', { imagePullPolicy: 'Never' }))
    sim.settle()
    const text = 'Container image "nginx:1.27" is not present with pull policy of Never'
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting).toEqual({ reason: 'ErrImageNeverPull', message: text })
    expect(kubeletEvents(sim, 'web-0').map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([`Warning ErrImageNeverPull: ${text}`, 'Warning Failed: Error: ErrImageNeverPull'])
  })
})
