import { describe, expect, it } from 'vitest'
import { fakeContainer } from '../fake-env'
import { corednsImage } from './coredns'

const coredns = corednsImage('1.12.0')

describe('coredns', () => {
  it('starts like kube-system CoreDNS 1.12.0 does in kubectl logs', () => {
    const c = fakeContainer(coredns)
    const plan = coredns.plan({ args: ['-conf', '/etc/coredns/Corefile'] }, c.env)
    // Captures of CoreDNS 1.12.0 and of the kubeadm Corefile's reload hash.
    expect(plan.startupLog).toEqual([
      'maxprocs: Leaving GOMAXPROCS=4: CPU quota undefined',
      '.:53',
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
      'CoreDNS-1.12.0',
      'linux/amd64, go1.23.3, 51e11f1',
    ])
    expect(plan.listens).toEqual([53, 8080, 8181, 9153])
  })

  it('keeps serving 5 s after SIGTERM (health lameduck 5s)', () => {
    const c = fakeContainer(coredns)
    expect(coredns.plan({}, c.env).onSigterm).toEqual({ exitAfterMs: 5000, exitCode: 0 })
  })

  it('answers /health on 8080 and /ready on 8181 with OK', () => {
    const c = fakeContainer(coredns)
    expect(coredns.http!(8080, { method: 'GET', path: '/health' }, c.env)).toMatchObject({ status: 200, body: 'OK' })
    expect(coredns.http!(8181, { method: 'GET', path: '/ready' }, c.env)).toMatchObject({ status: 200, body: 'OK' })
    expect(coredns.http!(8080, { method: 'GET', path: '/' }, c.env)).toMatchObject({ status: 404, body: '404 page not found\n' })
  })

  it('has no shell to exec into', () => {
    const c = fakeContainer(coredns)
    expect(coredns.exec!(['sh'], c.env)).toBeUndefined()
  })
})
