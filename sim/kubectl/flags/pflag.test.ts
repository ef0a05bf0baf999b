// spf13/pflag parsing as kubectl uses it; error texts as kubectl v1.33.1 prints them after `error: `.

import { describe, expect, it } from 'vitest'
import { FlagError, FlagSet } from './pflag'

const fs = new FlagSet([
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'chunk-size', type: 'int64', default: '500' },
  { name: 'server-print', type: 'bool', default: 'true' },
])

function parseError(args: string[]): string {
  try {
    fs.parse(args)
  } catch (e) {
    if (e instanceof FlagError) return e.message
    throw e
  }
  return 'no error'
}

describe('FlagSet.parse', () => {
  it('reads --flag value, --flag=value, -f value, -fvalue and -f=value', () => {
    for (const args of [['--namespace', 'a'], ['--namespace=a'], ['-n', 'a'], ['-na'], ['-n=a']]) {
      expect(fs.parse(args).string('namespace')).toBe('a')
    }
  })

  it('takes -oyaml as -o yaml', () => {
    expect(fs.parse(['-oyaml']).string('output')).toBe('yaml')
  })

  it('groups bool shorthands', () => {
    const p = fs.parse(['-Aw'])
    expect([p.bool('all-namespaces'), p.bool('watch')]).toEqual([true, true])
  })

  it('does not let a bool flag take the next word', () => {
    const p = fs.parse(['-w', 'pods'])
    expect([p.bool('watch'), p.args]).toEqual([true, ['pods']])
  })

  it('sets a bool flag to false with =false', () => {
    expect(fs.parse(['--server-print=false']).bool('server-print')).toBe(false)
  })

  it('keeps flags and arguments apart wherever they are', () => {
    expect(fs.parse(['pods', '-n', 'x', 'web-0', '-A']).args).toEqual(['pods', 'web-0'])
  })

  it('stops reading flags at --', () => {
    const p = fs.parse(['pods', '--', '-n', 'x'])
    expect([p.args, p.argsLenAtDash, p.string('namespace')]).toEqual([['pods', '-n', 'x'], 1, ''])
  })

  it('appends repeated slice flags and splits them at commas', () => {
    expect(fs.parse(['-L', 'a', '-L', 'b,c', '-f', 'x.yaml']).strings('label-columns')).toEqual(['a', 'b', 'c'])
  })

  it('lets the last of repeated string flags win', () => {
    expect(fs.parse(['-n', 'a', '-n', 'b']).string('namespace')).toBe('b')
  })

  it('accepts underscores for dashes in long names', () => {
    expect(fs.parse(['--all_namespaces']).bool('all-namespaces')).toBe(true)
  })

  it('reports defaults for flags not given and tells which were changed', () => {
    const p = fs.parse(['-A'])
    expect([p.int('chunk-size'), p.changed('all-namespaces'), p.changed('chunk-size')]).toEqual([500, true, false])
  })

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-Z'], "unknown shorthand flag: 'Z' in -Z"],
    [['-AZ'], "unknown shorthand flag: 'Z' in -Z"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-A=foo'], 'invalid argument "foo" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "foo": invalid syntax'],
    [['--watch=yes'], 'invalid argument "yes" for "-w, --watch" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    [['--chunk-size=x'], 'invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
  ])('rejects %j: %s', (args, message) => {
    expect(parseError(args)).toBe(message)
  })
})
