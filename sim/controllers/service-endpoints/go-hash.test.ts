import { describe, it, expect } from 'vitest'
import { md5, hex, fnv128aHex, dumpEndpointPort, dumpSlicePort, dumpEndpointSubset } from './go-hash'

describe('md5 (RFC 1321 test suite)', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('md5(%j)', (input, want) => {
    expect(hex(md5(input))).toBe(want)
  })
})

describe('fnv128a (Go hash/fnv golden128a)', () => {
  it.each([
    ['', '6c62272e07bb014262b821756295c58d'],
    ['a', 'd228cb696f1a8caf78912b704e4a8964'],
    ['ab', '08809544bbab1be95aa0733055b69a62'],
    ['abc', 'a68d622cec8b5822836dbc7977af7f3b'],
  ])('fnv128a(%j)', (input, want) => {
    expect(fnv128aHex(input)).toBe(want)
  })
})

describe('go-spew %#v dumps', () => {
  it('prints a core EndpointPort with types, raw strings and a nil pointer', () => {
    expect(dumpEndpointPort({ name: 'web', port: 80, protocol: 'TCP' })).toBe(
      '(v1.EndpointPort){Name:(string)web Port:(int32)80 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}',
    )
  })

  it('prints a discovery EndpointPort whose fields are all pointers', () => {
    expect(dumpSlicePort({ name: 'web', protocol: 'TCP', port: 80 })).toBe(
      '(v1.EndpointPort){Name:(*string)web Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)<nil>}',
    )
  })

  it('prints slice elements without their type and nil slices as <nil>', () => {
    const s = dumpEndpointSubset({ addresses: [{ ip: '10.0.0.1', nodeName: 'n' }], ports: [{ name: 'a', port: 1, protocol: 'TCP' }] })
    expect(s).toBe(
      '(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)[{IP:(string)10.0.0.1 Hostname:(string) NodeName:(*string)n TargetRef:(*v1.ObjectReference)<nil>}] NotReadyAddresses:([]v1.EndpointAddress)<nil> Ports:([]v1.EndpointPort)[{Name:(string)a Port:(int32)1 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}]}',
    )
  })
})
