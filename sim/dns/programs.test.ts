// The DNS tools as a container's own processes (`kubectl run ... -- nslookup x`, `sh -c 'nslookup x'`):
// the images that ship them answer through the cluster DNS their env reaches, in their own flavour.

import { describe, expect, it } from 'vitest'
import { busyboxImage, dnsutilsImage } from '../images/behaviors/distros'
import { fakeContainer } from '../images/fake-env'
import type { ImageBehavior } from '../images/types'
import { testEnv } from './tools/test-env'

function withDns(image: ImageBehavior, ref: string) {
  const c = fakeContainer(image, { podName: 'dns-test' })
  c.env.image = ref
  c.env.dns = () => testEnv()
  return c
}

describe('DNS tools as image programs', () => {
  it("runs busybox:1.28's nslookup: the server block on stdout, can't resolve on stderr, status 1", () => {
    const c = withDns(busyboxImage('1.28'), 'busybox:1.28')
    const r = busyboxImage('1.28').exec!(['nslookup', 'web-3.nginx'], c.env)!
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/^Server: {4}10\.96\.0\.10\n/)
    expect(r.stderr).toBe("nslookup: can't resolve 'web-3.nginx'\n")
  })

  it('finds nslookup on the PATH of a busybox shell (sh -c)', () => {
    const image = busyboxImage('1.28')
    const c = withDns(image, 'busybox:1.28')
    const r = image.exec!(['sh', '-c', 'nslookup web-3.nginx; echo rc=$?'], c.env)!
    expect(r.stdout).toContain('rc=1\n')
    expect(r.stderr).toContain("can't resolve")
  })

  it("gives the dnsutils images bind's dig", () => {
    const image = dnsutilsImage('xenial')
    const c = withDns(image, 'tutum/dnsutils')
    const r = image.exec!(['dig', '+short', 'kubernetes.default.svc.cluster.local'], c.env)
    expect(r?.exitCode).toBe(0)
  })

  it('says not found where the image has no such tool, and without a cluster', () => {
    const image = busyboxImage('1.28')
    expect(image.exec!(['dig', 'x'], withDns(image, 'busybox:1.28').env)).toBeUndefined()
    const bare = fakeContainer(image)
    expect(image.exec!(['nslookup', 'x'], bare.env)).toMatchObject({ exitCode: 127, stderr: 'sh: nslookup: not found\n' })
  })
})
