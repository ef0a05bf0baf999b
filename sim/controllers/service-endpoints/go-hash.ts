// Upstream orders Endpoints subsets and ports, and EndpointSlice ports, by hashes of a go-spew dump
// (pkg/util/hash DeepHashObject: spew `%#v` with DisableMethods, then md5; the slice controller's
// deepHashObjectToString: the same dump through FNV-128a). To print the same order as a real cluster
// we render the same dump text (go-spew format.go: `(type){Field:(type)value ...}`, slice elements
// without their type, nil pointers as `(*T)<nil>`) and hash it the same way.

import type { EndpointPort, EndpointSubset, EndpointAddress } from 'kubernetes-types/core/v1'
import type { EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

const enc = new TextEncoder()

/** RFC 1321 MD5 of the UTF-8 bytes of `text`. */
export function md5(text: string): Uint8Array {
  const msg = enc.encode(text)
  const len = msg.length
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16)
  for (let i = 0; i < len; i++) words[i >> 2] |= msg[i] << ((i % 4) * 8)
  words[len >> 2] |= 0x80 << ((len % 4) * 8)
  words[words.length - 2] = (len * 8) >>> 0
  words[words.length - 1] = Math.floor((len * 8) / 0x100000000)
  let a = 0x67452301
  let b = 0xefcdab89
  let c = 0x98badcfe
  let d = 0x10325476
  for (let i = 0; i < words.length; i += 16) {
    const [aa, bb, cc, dd] = [a, b, c, d]
    for (let j = 0; j < 64; j++) {
      let f: number
      let g: number
      if (j < 16) [f, g] = [(b & c) | (~b & d), j]
      else if (j < 32) [f, g] = [(d & b) | (~d & c), (5 * j + 1) % 16]
      else if (j < 48) [f, g] = [b ^ c ^ d, (3 * j + 5) % 16]
      else [f, g] = [c ^ (b | ~d), (7 * j) % 16]
      const tmp = d
      d = c
      c = b
      const sum = (a + f + K[j] + words[i + g]) | 0
      b = (b + ((sum << S[j]) | (sum >>> (32 - S[j])))) | 0
      a = tmp
    }
    a = (a + aa) | 0
    b = (b + bb) | 0
    c = (c + cc) | 0
    d = (d + dd) | 0
  }
  const out = new Uint8Array(16)
  ;[a, b, c, d].forEach((w, i) => {
    for (let k = 0; k < 4; k++) out[i * 4 + k] = (w >>> (8 * k)) & 0xff
  })
  return out
}

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0)

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const FNV128_OFFSET = 0x6c62272e07bb014262b821756295c58dn
const FNV128_PRIME = 0x0000000001000000000000000000013bn
const MASK128 = (1n << 128n) - 1n

/** Go's hash/fnv New128a, hex-encoded as hex.EncodeToString(h.Sum(nil)). */
export function fnv128aHex(text: string): string {
  let h = FNV128_OFFSET
  for (const byte of enc.encode(text)) {
    h ^= BigInt(byte)
    h = (h * FNV128_PRIME) & MASK128
  }
  return h.toString(16).padStart(32, '0')
}

function compareBytes(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

const ptr = (type: string, v: string | number | undefined) => (v === undefined ? `(*${type})<nil>` : `(*${type})${v}`)

/** `(v1.EndpointPort){...}` as a field value, or (inSlice) as a slice element without its type. */
export function dumpEndpointPort(p: EndpointPort, inSlice = false): string {
  const body = `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:${ptr('string', p.appProtocol)}}`
  return inSlice ? body : `(v1.EndpointPort)${body}`
}

function dumpAddress(a: EndpointAddress): string {
  const t = a.targetRef
  const ref =
    t === undefined
      ? '(*v1.ObjectReference)<nil>'
      : `(*v1.ObjectReference){Kind:(string)${t.kind ?? ''} Namespace:(string)${t.namespace ?? ''} Name:(string)${t.name ?? ''} UID:(types.UID)${t.uid ?? ''} APIVersion:(string)${t.apiVersion ?? ''} ResourceVersion:(string)${t.resourceVersion ?? ''} FieldPath:(string)${t.fieldPath ?? ''}}`
  return `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${ptr('string', a.nodeName)} TargetRef:${ref}}`
}

function dumpSlice<T>(type: string, items: readonly T[] | undefined, one: (x: T) => string): string {
  return items === undefined ? `([]${type})<nil>` : `([]${type})[${items.map(one).join(' ')}]`
}

export function dumpEndpointSubset(s: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:${dumpSlice('v1.EndpointAddress', s.addresses, dumpAddress)}` +
    ` NotReadyAddresses:${dumpSlice('v1.EndpointAddress', s.notReadyAddresses, dumpAddress)}` +
    ` Ports:${dumpSlice('v1.EndpointPort', s.ports, (p) => dumpEndpointPort(p, true))}}`
  )
}

/** discovery/v1 EndpointPort: every field is a pointer. */
export function dumpSlicePort(p: SlicePort): string {
  return `(v1.EndpointPort){Name:${ptr('string', p.name)} Protocol:${ptr('v1.Protocol', p.protocol)} Port:${ptr('int32', p.port)} AppProtocol:${ptr('string', p.appProtocol)}}`
}

/** portsByHash / subsetsByHash (pkg/api/v1/endpoints): md5 of the dump, compared as bytes. */
export function byMd5Of<T>(dump: (x: T) => string): (a: T, b: T) => number {
  const cache = new Map<T, Uint8Array>()
  const h = (x: T) => {
    let v = cache.get(x)
    if (!v) cache.set(x, (v = md5(dump(x))))
    return v
  }
  return (a, b) => compareBytes(h(a), h(b))
}

// The hash of a port's dump depends on the dump text alone, and a cluster has few distinct ports, while
// the slice controller orders every selected pod's ports on every sync: remember the hashes (bounded).
const portHashes = new Map<string, string>()
const PORT_HASHES_MAX = 4096

function slicePortHash(p: SlicePort): string {
  const dump = dumpSlicePort(p)
  let h = portHashes.get(dump)
  if (h === undefined) {
    if (portHashes.size >= PORT_HASHES_MAX) portHashes.clear()
    portHashes.set(dump, (h = fnv128aHex(dump)))
  }
  return h
}

/** portsInOrder (endpointslice util): FNV-128a hex strings of the dump, compared as strings. */
export function sortSlicePorts(ports: readonly SlicePort[]): SlicePort[] {
  if (ports.length <= 1) return [...ports]
  const keyed = ports.map((p) => ({ p, k: slicePortHash(p) }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  return keyed.map((x) => x.p)
}
