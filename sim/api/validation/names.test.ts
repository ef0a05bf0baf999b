import { describe, expect, it } from 'vitest'
import { byteLength, isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, nameIsDNSSubdomain } from './names'

// Expected texts: apimachinery pkg/util/validation/validation.go (v0.33.1) constants, put together the
// way RegexError does ("(e.g. 'a', ", then " or 'b', " ..., "regex used for validation is '...'").
const LABEL_RE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const SUBDOMAIN_RE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const DNS1035_RE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const QNAME_RE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('DNS-1123 labels', () => {
  it.each([
    ['web', []],
    ['web-0', []],
    ['0web', []],
    ['Web', [LABEL_RE]],
    ['web.v1', ['must not contain dots']],
    ['web_', [LABEL_RE]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['-web', [LABEL_RE]],
  ])('%s', (name, errs) => {
    expect(isDNS1123Label(name)).toEqual(errs)
  })
})

describe('DNS-1123 subdomains', () => {
  it.each([
    ['web.example.com', []],
    ['Web', [SUBDOMAIN_RE]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
    ['web..x', [SUBDOMAIN_RE]],
  ])('%s', (name, errs) => {
    expect(isDNS1123Subdomain(name)).toEqual(errs)
  })

  it('lets a generateName prefix end in a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([])
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_RE])
  })
})

describe('DNS-1035 labels (Service names)', () => {
  it('requires a leading letter', () => {
    expect(isDNS1035Label('1web')).toEqual([DNS1035_RE])
    expect(isDNS1035Label('web-1')).toEqual([])
  })
})

describe('qualified names (label keys)', () => {
  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['bad key', [QNAME_RE]],
    ['/name', ['prefix part must be non-empty']],
    ['a/b/c', [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]],
  ])('%s', (key, errs) => {
    expect(isQualifiedName(key)).toEqual(errs)
  })
})

describe('label values, config keys, port names', () => {
  it('accepts an empty label value and rejects a trailing dash', () => {
    expect(isValidLabelValue('')).toEqual([])
    expect(isValidLabelValue('web-')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('rejects config keys with slashes and the chdir names', () => {
    expect(isConfigMapKey('a/b')).toEqual(["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"])
    expect(isConfigMapKey('..x')).toEqual(["must not start with '..'"])
  })

  it('lists every problem of a port name', () => {
    expect(isValidPortName('-WEB--')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ])
  })
})

describe('byteLength (Go len: UTF-8 bytes)', () => {
  it('counts ASCII, two- and three-byte characters, surrogate pairs and lone surrogates', () => {
    expect(byteLength('web-0')).toBe(5)
    expect(byteLength('é')).toBe(2)
    expect(byteLength('中文')).toBe(6)
    expect(byteLength('a😀b')).toBe(6)
    // A lone surrogate is U+FFFD once encoded: 3 bytes.
    expect(byteLength('a\ud800b')).toBe(5)
    expect(byteLength('\udc00')).toBe(3)
    for (const s of ['', 'abc', 'é中😀', 'x\ud83dy']) expect(byteLength(s)).toBe(Buffer.byteLength(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'), 'utf8'))
  })

  it('gives the same errors for a name asked about twice (valid names are remembered)', () => {
    const bad = 'Bad_Name'
    expect(isDNS1123Label(bad)).toEqual(isDNS1123Label(bad))
    expect(isDNS1123Label(bad).length).toBeGreaterThan(0)
    expect(isDNS1123Label('good')).toEqual([])
    expect(isDNS1123Label('good')).toEqual([])
  })
})
