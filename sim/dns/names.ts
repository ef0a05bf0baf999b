// Domain-name helpers: absolute names, zone membership, and the reverse-lookup names of IPv4
// addresses (`5.1.244.10.in-addr.arpa.`). Names compare case-insensitively (RFC 4343); the case the
// client asked in is kept in answers, as CoreDNS does.

/** `a.b` and `a.b.` both become `a.b.`; the root stays `.`. */
export function absolute(name: string): string {
  if (name === '' || name === '.') return '.'
  return name.endsWith('.') ? name : name + '.'
}

/** `a.b.` → `a.b` (what dig's `+short`, nslookup and host print for owner names). */
export function relative(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name
}

export function lower(name: string): string {
  return name.toLowerCase()
}

/** Labels of an absolute or relative name, without the empty root label. */
export function labels(name: string): string[] {
  const n = relative(name)
  return n === '.' || n === '' ? [] : n.split('.')
}

/** Whether `name` is `zone` or below it (both compared case-insensitively). */
export function isSubdomain(name: string, zone: string): boolean {
  const n = lower(absolute(name))
  const z = lower(absolute(zone))
  if (z === '.') return true
  return n === z || n.endsWith('.' + z)
}

/** The labels of `name` left of `zone` (`web-0.nginx.default.svc`), or undefined when outside it. */
export function trimZone(name: string, zone: string): string | undefined {
  if (!isSubdomain(name, zone)) return undefined
  const n = absolute(name)
  const z = absolute(zone)
  if (n.length === z.length) return ''
  return n.slice(0, n.length - z.length - 1)
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

export function isIPv4(text: string): boolean {
  const m = IPV4.exec(text)
  return !!m && m.slice(1).every((o) => Number(o) <= 255 && String(Number(o)) === o)
}

/** A loose IPv6 check: hex groups and colons (what inet_pton would accept for our purposes). */
export function isIPv6(text: string): boolean {
  return text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text) && (text.match(/::/g) ?? []).length <= 1
}

/** `10.244.1.5` → `5.1.244.10.in-addr.arpa.` */
export function reverseName(ip: string): string {
  return ip.split('.').reverse().join('.') + '.in-addr.arpa.'
}

/** `5.1.244.10.in-addr.arpa.` → `10.244.1.5`; undefined for anything that is not a full IPv4 reverse name. */
export function addressFromReverse(name: string): string | undefined {
  const n = lower(relative(absolute(name)))
  if (!n.endsWith('.in-addr.arpa')) return undefined
  const parts = n.slice(0, -'.in-addr.arpa'.length).split('.')
  if (parts.length !== 4) return undefined
  const ip = parts.reverse().join('.')
  return isIPv4(ip) ? ip : undefined
}

/** An endpoint without a hostname is named by its address, dots turned into dashes (`10-244-1-5`). */
export function dashedIP(ip: string): string {
  return ip.includes('.') ? ip.replaceAll('.', '-') : ip.replaceAll(':', '-')
}

/** The number of dots in a name as the resolver counts them for ndots (a trailing dot aside). */
export function dotCount(name: string): number {
  return (name.endsWith('.') ? name.slice(0, -1) : name).split('.').length - 1
}
