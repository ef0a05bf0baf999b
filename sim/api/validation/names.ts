// String formats the API validates, with apimachinery's exact error texts
// (k8s.io/apimachinery/pkg/util/validation/validation.go, v0.33.1). Each check returns the list of
// problems as strings; callers turn each into one field error, as upstream does.

const qnameCharFmt = '[A-Za-z0-9]'
const qnameExtCharFmt = '[-A-Za-z0-9_.]'
const qualifiedNameFmt = '(' + qnameCharFmt + qnameExtCharFmt + '*)?' + qnameCharFmt
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const qualifiedNameRe = new RegExp('^' + qualifiedNameFmt + '$')

const labelValueFmt = '(' + qualifiedNameFmt + ')?'
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelValueRe = new RegExp('^' + labelValueFmt + '$')

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const dns1123LabelRe = new RegExp('^' + dns1123LabelFmt + '$')

const dns1123SubdomainFmt = dns1123LabelFmt + '(\\.' + dns1123LabelFmt + ')*'
const dns1123SubdomainErrMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const dns1123SubdomainRe = new RegExp('^' + dns1123SubdomainFmt + '$')

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?'
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
const dns1035LabelRe = new RegExp('^' + dns1035LabelFmt + '$')

const configMapKeyFmt = '[-._a-zA-Z0-9]+'
const configMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
const configMapKeyRe = new RegExp('^' + configMapKeyFmt + '$')

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const envVarNameErrMsg = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
const envVarNameRe = new RegExp('^' + envVarNameFmt + '$')

const percentFmt = '[0-9]+%'
const percentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'"
const percentRe = new RegExp('^' + percentFmt + '$')

const httpHeaderNameFmt = '[-A-Za-z0-9]+'
const httpHeaderNameErrMsg = "a valid HTTP header must consist of alphanumeric characters or '-'"

export const DNS1123_LABEL_MAX = 63
export const DNS1123_SUBDOMAIN_MAX = 253

/** Go's len(): strings are measured in UTF-8 bytes (a lone surrogate as U+FFFD, 3 bytes). */
export function byteLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

// The same label keys, values, names and finalizers are checked on nearly every write; the checks
// are pure, so a string once found valid is not checked again (errors are always worked out afresh).
const VALID_MAX = 4096

function rememberValid(check: (value: string) => string[]): (value: string) => string[] {
  const valid = new Set<string>()
  return (value) => {
    if (valid.has(value)) return []
    const errs = check(value)
    if (errs.length === 0) {
      if (valid.size >= VALID_MAX) valid.clear()
      valid.add(value)
    }
    return errs
  }
}

export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`
}

export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

export function emptyError(): string {
  return 'must be non-empty'
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

export const isDNS1123Label = rememberValid(function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX))
  if (!dns1123LabelRe.test(value)) {
    // A valid subdomain that is not a valid label (length already checked) must contain dots.
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'))
  }
  return errs
})

export const isDNS1123Subdomain = rememberValid(function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'))
  return errs
})

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 63) errs.push(maxLenError(63))
  if (!dns1035LabelRe.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'))
  return errs
}

/** IsQualifiedName: label keys, annotation keys, finalizers: `[prefix/]name`. */
export const isQualifiedName = rememberValid(function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]
  } else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part ' + emptyError())
    else for (const m of isDNS1123Subdomain(prefix)) errs.push('prefix part ' + m)
  } else {
    return [
      'a qualified name ' +
        regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]
  }
  if (name.length === 0) errs.push('name part ' + emptyError())
  else if (byteLength(name) > 63) errs.push('name part ' + maxLenError(63))
  if (!qualifiedNameRe.test(name)) errs.push('name part ' + regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc'))
  return errs
})

export const isValidLabelValue = rememberValid(function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 63) errs.push(maxLenError(63))
  if (!labelValueRe.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'))
  return errs
})

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!configMapKeyRe.test(value)) errs.push(regexError(configMapKeyErrMsg, configMapKeyFmt, 'key.name', 'KEY_NAME', 'key-name'))
  errs.push(...hasChDirPrefix(value))
  return errs
}

export function isEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (!envVarNameRe.test(value)) errs.push(regexError(envVarNameErrMsg, envVarNameFmt, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  errs.push(...hasChDirPrefix(value))
  return errs
}

export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** IsValidPortName (IANA_SVC_NAME): at most 15 chars, [-a-z0-9], at least one letter, no `--`, no edge hyphen. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (byteLength(port) > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}

export function isValidPercent(value: string): string[] {
  return percentRe.test(value) ? [] : [regexError(percentErrMsg, percentFmt, '1%', '93%')]
}

export function isHTTPHeaderName(value: string): string[] {
  return new RegExp('^' + httpHeaderNameFmt + '$').test(value) ? [] : [regexError(httpHeaderNameErrMsg, httpHeaderNameFmt, 'X-Header-Name')]
}

/** A ValidateNameFunc: `prefix` is true for generateName, which may end in '-'. */
export type NameFn = (name: string, prefix: boolean) => string[]

/** maskTrailingDash: a generateName prefix may end in '-' because a suffix follows. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name
}

export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name)

/**
 * path.ValidatePathSegmentName: what the generic registry checks for every name (kinds without their
 * own name rule, e.g. PodDisruptionBudget, rely on it).
 */
export const nameIsPathSegment: NameFn = (name, prefix) => {
  const errs: string[] = []
  if (!prefix && (name === '.' || name === '..')) errs.push(`may not be '${name}'`)
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`)
  return errs
}

/** A parsed IPv4 address as a 32-bit number, or undefined. */
export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return undefined
  let n = 0
  for (let i = 1; i <= 4; i++) {
    // Go's netip rejects leading zeros ("010"), as the API does since 1.30.
    if (m[i].length > 1 && m[i][0] === '0') return undefined
    const b = Number(m[i])
    if (b > 255) return undefined
    n = n * 256 + b
  }
  return n
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** IsValidIP's message for a string that is not an IP address. */
export const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'
