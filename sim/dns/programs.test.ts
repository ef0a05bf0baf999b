// The DNS tools inside a container's own shell: process outcomes with both streams and the log.

import { describe, expect, it } from 'vitest'
import type { Proc } from '../images/shell/types'
import { dnsPrograms } from './programs'
import { testEnv } from './tools/test-env'

describe('DNS tools as image programs', () => {
  it('gives busybox:1.28 nslookup and hostname', () => {
    expect(Object.keys(dnsPrograms('busybox:1.28', () => testEnv())).sort()).toEqual(['hostname', 'nslookup'])
  })

  it("ends with status 1, the server block on stdout and can't resolve on stderr", () => {
    const nslookup = dnsPrograms('busybox:1.28', () => testEnv()).nslookup
    const r = nslookup(['nslookup', 'web-3.nginx'], {} as Proc)
    expect(r.status).toBe(1)
    expect(r.err).toBe("nslookup: can't resolve 'web-3.nginx'\n")
    expect(r.log).toBe(r.out + r.err)
  })
})
