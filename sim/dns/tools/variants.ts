// Which DNS tools an image has, and which version of them: busybox's nslookup changed its whole
// output format in 1.29 (libc getaddrinfo before, its own resolver after; search domains only from
// 1.30, and then only for dotless names), and bind's tools differ between the 9.9/9.10 of the old
// dnsutils images and 9.18 (cookies, the .local warning, `(UDP)`, EDNS buffer 1232).

export interface BindProfile {
  /** What dig prints after `DiG` (PACKAGE_VERSION plus the distribution's suffix). */
  version: string
  /**
   * bind ≥9.11/9.14 behaviour: dig sends a COOKIE and a 1232-byte EDNS buffer, warns about .local,
   * prints the transport after SERVER; nslookup also asks AAAA and prints the server header for its
   * A lookups only.
   */
  modern: boolean
}

export const BIND_9_18: BindProfile = { version: '9.18.33', modern: true }

export type NslookupVariant =
  | { kind: 'busybox-old'; version: string }
  | { kind: 'busybox-new'; version: string; search: 'none' | 'dotless' }
  | { kind: 'bind'; bind: BindProfile }

export interface ImageDnsTools {
  /** Whose hostname(1) the image ships. */
  hostname: 'busybox' | 'gnu'
  nslookup?: NslookupVariant
  /** dig and host come with bind's dnsutils only. */
  bind?: BindProfile
}

/** `docker.io/library/busybox:1.28.4-uclibc` → name `busybox`, tag `1.28.4-uclibc`. */
function nameAndTag(image: string): { name: string; tag: string } {
  const noDigest = image.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  const tag = colon > slash ? noDigest.slice(colon + 1) : 'latest'
  const path = colon > slash ? noDigest.slice(0, colon) : noDigest
  return { name: path.toLowerCase(), tag }
}

/** `1.28.4-uclibc` → [1, 28, 4]; `latest` and other words → undefined. */
function versionOf(tag: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined
}

/** The busybox of the docker-library image (busybox:latest is 1.37). */
function busyboxNslookup(tag: string): NslookupVariant {
  const v = versionOf(tag) ?? [1, 37, 0]
  const version = `${v[0]}.${v[1]}.${v[2]}`
  if (v[0] === 1 && v[1] <= 28) return { kind: 'busybox-old', version }
  return { kind: 'busybox-new', version, search: v[0] === 1 && v[1] === 29 ? 'none' : 'dotless' }
}

/** Alpine's busybox: 3.8 and older ship 1.28 (old nslookup), 3.9 and later 1.29+. */
function alpineNslookup(tag: string): NslookupVariant {
  const v = versionOf(tag)
  if (v && v[0] === 3 && v[1] <= 8) return { kind: 'busybox-old', version: '1.28.4' }
  return { kind: 'busybox-new', version: '1.36.1', search: 'dotless' }
}

/**
 * bind of the dnsutils images: the e2e jessie-dnsutils image (the Kubernetes docs' `dnsutils` pod)
 * has jessie's last 9.9.5 (`DiG 9.9.5-9+deb8u19-Debian` in captures); tutum/dnsutils (Kubernetes in
 * Action's `dig SRV`) is an Ubuntu xenial image with 9.10.3; newer tool images carry 9.18.
 */
function bindOf(name: string): BindProfile {
  if (name.endsWith('tutum/dnsutils')) return { version: '9.10.3-P4-Ubuntu', modern: false }
  if (name.endsWith('jessie-dnsutils')) return { version: '9.9.5-9+deb8u19-Debian', modern: false }
  return BIND_9_18
}

const BIND_IMAGES = ['dnsutils', 'dnstools', 'netshoot', 'network-multitool', 'bind-tools', 'dnsutil']

/** The DNS tools of an image, by its reference as the pod spec gives it. */
export function dnsToolsForImage(image: string): ImageDnsTools {
  const { name, tag } = nameAndTag(image)
  const last = name.split('/').pop() ?? name
  if (BIND_IMAGES.some((b) => last.includes(b))) {
    const bind = bindOf(name)
    return { hostname: 'gnu', nslookup: { kind: 'bind', bind }, bind }
  }
  if (last === 'busybox') return { hostname: 'busybox', nslookup: busyboxNslookup(tag) }
  if (last === 'alpine') return { hostname: 'busybox', nslookup: alpineNslookup(tag) }
  return { hostname: 'gnu' }
}
