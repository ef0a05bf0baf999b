// Image references as the kubelet and containerd read them: distribution/reference's
// ParseNormalizedNamed (normalize.go, reference.go, regexp.go) re-expressed here, plus the kubelet's
// wrapping of its errors (pkg/util/parsers ParseImageName, pkg/kubelet/images applyDefaultImageTag).

import type { ImageRef } from './types'

// regexp.go, as RE2 text; JS regexps agree on these anchored patterns.
const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const remoteName = `${pathComponent}(?:/${pathComponent})*`
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]'
const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`
const tagPat = '[\\w][\\w.-]{0,127}'
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}'
const namePat = `(?:${domainAndPort}/)?${remoteName}`

const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`)
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`)
const identifierRe = /^[a-f0-9]{64}$/

const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255

/** go-digest: the algorithms a kubelet/containerd binary links in, with their hex lengths. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }
const goDigestRe = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/

export type ParsedReference = { ok: true; ref: ImageRef } | { ok: false; error: string }

/** go-digest Digest.Validate: the error text, or undefined when valid. */
function validateDigest(d: string): string | undefined {
  const i = d.indexOf(':')
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format'
  const algorithm = d.slice(0, i)
  const encoded = d.slice(i + 1)
  const len = DIGEST_HEX_LENGTH[algorithm]
  if (len === undefined) return goDigestRe.test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format'
  if (encoded.length !== len || !/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format'
  return undefined
}

/** normalize.go splitDockerDomain: the registry host and the repository path below it. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/')
  if (slash < 0) return ['docker.io', 'library/' + name]
  const maybeDomain = name.slice(0, slash)
  const maybeRemote = name.slice(slash + 1)
  let domain: string
  let remote: string
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote]
  else if (maybeDomain === 'index.docker.io') [domain, remote] = ['docker.io', maybeRemote]
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote]
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote]
  else [domain, remote] = ['docker.io', name]
  // Official images live under library/ on Docker Hub only: docker.io/ubuntu => docker.io/library/ubuntu.
  if (domain === 'docker.io' && !remote.includes('/')) remote = 'library/' + remote
  return [domain, remote]
}

/** reference.go Parse on an already domain-qualified string. */
function parseQualified(s: string, raw: string): ParsedReference {
  if (s === '') return { ok: false, error: 'repository name must have at least one component' }
  const m = referenceRe.exec(s)
  if (!m) {
    const lower = s.toLowerCase()
    if (lower !== s && referenceRe.test(lower)) return { ok: false, error: 'repository name must be lowercase' }
    return { ok: false, error: 'invalid reference format' }
  }
  const nm = anchoredNameRe.exec(m[1])
  const domain = nm?.[1] ?? ''
  const path = nm ? nm[2] : m[1]
  if (path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters` }
  }
  const tag = m[2] || undefined
  const digest = m[3] || undefined
  if (digest) {
    const bad = validateDigest(digest)
    if (bad) return { ok: false, error: bad }
  }
  const name = domain ? `${domain}/${path}` : path
  // containerd's ParseDockerRef: a digest wins over a tag; neither means :latest.
  const normalized = digest ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}`
  return { ok: true, ref: { raw, domain, path, tag, digest, normalized } }
}

/** distribution/reference ParseNormalizedNamed, returning its error text on failure. */
export function parseNormalizedNamed(s: string): ParsedReference {
  if (identifierRe.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` }
  }
  const [domain, remainder] = splitDockerDomain(s)
  const colon = remainder.indexOf(':')
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` }
  }
  return parseQualified(`${domain}/${remainder}`, s)
}

/**
 * The message the kubelet puts on the container (reason InvalidImageName) and on its
 * `InspectFailed` event when the image cannot be parsed (EnsureImageExists ← applyDefaultImageTag
 * ← parsers.ParseImageName).
 */
export function invalidImageNameMessage(image: string, parseError: string): string {
  return `Failed to apply default image tag ${goQuote(image)}: couldn't parse image name ${goQuote(image)}: ${parseError}`
}

/** Go's %q for the strings that appear in image names (printable ASCII, quotes and backslashes escaped). */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || c === 0xfeff) {
      // Not printable for Go's strconv (zero-width spaces pasted from web pages): \u escapes.
      out += '\\u' + c.toString(16).padStart(4, '0')
    } else out += ch
  }
  return out + '"'
}

/** The repository name without tag or digest: `docker.io/library/nginx`. */
export function repositoryName(ref: ImageRef): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path
}
