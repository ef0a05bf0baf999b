// The seeds' command sequences replayed against the simulator and compared with the seeds' real
// transcripts (fixtures next to this file; each one's header says where it comes from and what is left
// out and why). Only what differs between two real runs is normalised (replay.ts NORMALISERS).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { linesMatch, normalise, outputLines, parseFixture, replaySeed } from './replay'

const DIR = join(__dirname)
const FIXTURES = readdirSync(DIR)
  .filter((f) => /^\d{3}-.*\.txt$/.test(f))
  .sort()

function transcript(lines: readonly string[], command: string): string {
  return `$ ${command.split('\n')[0]}\n` + lines.map((l) => l + '\n').join('')
}

describe('seed replays', { timeout: 60_000 }, () => {
  it.each(FIXTURES)('%s gives the seed transcript', async (file) => {
    const fixture = parseFixture(readFileSync(join(DIR, file), 'utf8'))
    const results = await replaySeed(fixture)
    let want = ''
    let got = ''
    for (const { step, output } of results) {
      if (!step.compared) continue
      const expected = step.expected.map(normalise)
      const actual = outputLines(normalise(output))
      want += transcript(expected, step.command)
      // Where the seed leaves lines out ([…]) and the rest matches, show the seed's lines on both sides.
      got += transcript(linesMatch(expected, actual) ? expected : actual, step.command)
    }
    expect(got).toBe(want)
  })
})

describe('normalise', () => {
  it('blanks ages, IPs, UIDs and hashes', () => {
    expect(normalise('web-0   1/1   Running   0   5m28s\nAddress 1: 10.244.2.120 web-0.nginx\npvc-d064a004-d8d4-11e6-b521-42010a800002   1Gi')).toBe(
      'web-0   1/1   Running   0   <age>\nAddress 1: <ip> web-0.nginx\npvc-<uid>   1Gi',
    )
    expect(normalise('controller-revision-hash=sts-nginx-84b58ccf54 vpr-5cc48467c7-fgbgl 112d')).toBe('controller-revision-hash=sts-nginx-<hash> vpr-<hash> <age>')
  })

  it('keeps names, sizes, ports and counts', () => {
    const text = 'leader-election web-0 sts-nginx-1 1Gi 100Mi 80/TCP 0/1 2/2 kube-system nginx-slim:0.8 10.96.0.10:53'
    expect(normalise(text)).toBe('leader-election web-0 sts-nginx-1 1Gi 100Mi 80/TCP 0/1 2/2 kube-system nginx-slim:0.8 <ip>:53')
  })
})

describe('parseFixture', () => {
  const text = [
    '# Seed 009, a header',
    '#! options {"seed": 3}',
    '#! options {"clusterDNSIP": "10.43.0.10"}',
    '',
    '% cat <<EOF > a.yaml',
    '> kind: Pod',
    '> EOF',
    '## a comment',
    '$ kubectl get pods',
    'NAME    READY',
    '',
    '/ # nslookup web-0.nginx',
    'Server:    10.96.0.10',
  ].join('\n')

  it('reads the header and merges its options', () => {
    const f = parseFixture(text)
    expect([f.header.length, f.options]).toEqual([3, { seed: 3, clusterDNSIP: '10.43.0.10' }])
  })

  it('reads commands with their continuation lines, and the expected output of compared ones', () => {
    expect(parseFixture(text).steps.map((s) => [s.command, s.compared, s.expected])).toEqual([
      ['cat <<EOF > a.yaml\nkind: Pod\nEOF', false, []],
      ['kubectl get pods', true, ['NAME    READY', '']],
      ['nslookup web-0.nginx', true, ['Server:    10.96.0.10']],
    ])
  })

  it('rejects output after a command whose output is not compared', () => {
    expect(() => parseFixture('% sleep 5\nsomething\n')).toThrow('fixture line 2: output after a "% " command')
  })
})

describe('linesMatch', () => {
  it('lets […] stand for the lines a seed leaves out', () => {
    expect(linesMatch(['a', '[…]', 'd'], ['a', 'b', 'c', 'd'])).toBe(true)
    expect(linesMatch(['a', '[…]', 'd'], ['a', 'b', 'c'])).toBe(false)
    expect(linesMatch(['a', 'd'], ['a', 'b', 'd'])).toBe(false)
  })
})
