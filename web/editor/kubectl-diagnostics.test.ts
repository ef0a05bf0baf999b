// The editor's kubectl marker: the text kubectl v1.33 prints for a manifest it cannot read, on the
// line kubectl names. Expected messages are the real kubectl's (toolchain.md §5, go-yaml v2 table).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentStartLines, kubectlYamlDiagnostic } from './kubectl-diagnostics'

// Manifests whose real-kubectl errors are in sim/kubectl/__golden__/files/index.json (bad-<name>).
const fixture = (name: string) => readFileSync(join(__dirname, '../../sim/kubectl/__fixtures__/manifests/bad', `${name}.yaml`), 'utf8')

const sts = (selectorLine: string) =>
  ['apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: web', 'spec:', '  replicas: 2', selectorLine, '    matchLabels:', '      app: nginx', ''].join('\n')

describe('kubectlYamlDiagnostic', () => {
  it('finds nothing in a manifest kubectl can read', () => {
    expect(kubectlYamlDiagnostic(sts('  selector:'))).toBeUndefined()
  })

  it('puts a mapping-values error on the line kubectl names, with kubectl text', () => {
    expect(kubectlYamlDiagnostic(sts('  selector: a: b'))).toEqual({
      line: 7,
      message: 'error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context',
    })
  })

  it('names the line of a tab used as indentation', () => {
    expect(kubectlYamlDiagnostic('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n')).toEqual({
      line: 4,
      message: 'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    })
  })

  it('counts lines from the start of the failing document, then maps them to the buffer', () => {
    const d = kubectlYamlDiagnostic('a: 1\n---\nb: 2\nc: d: e\n')
    expect(d).toEqual({ line: 4, message: 'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context' })
  })

  it('marks an over-indented key on its own line', () => {
    expect(kubectlYamlDiagnostic('metadata:\n  name: web\n    labels: x\n')).toEqual({
      line: 3,
      message: 'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    })
  })

  it('marks the line kubectl names even when the fault is on the next one', () => {
    // Real kubectl: "yaml: line 8: did not find expected key" for a key on line 9 (go-yaml's parser
    // names the 0-based line of the offending token); the student reads kubectl's number, so we mark it.
    expect(kubectlYamlDiagnostic(fixture('key-under-indented-in-list-item'))).toEqual({
      line: 8,
      message: 'error converting YAML to JSON: yaml: line 8: did not find expected key',
    })
  })

  it('maps a second document\'s line to the buffer line while keeping kubectl\'s number in the text', () => {
    // Real kubectl: "yaml: line 4: ..." for the 4th line of the second document, line 9 of the file.
    expect(kubectlYamlDiagnostic(fixture('second-document-bad'))).toEqual({
      line: 9,
      message: 'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    })
  })

  it('marks the first line when go-yaml names no line', () => {
    expect(kubectlYamlDiagnostic('# a comment\na: b: c\n')?.line).toBe(2)
  })

  it('marks an unknown alias where it is used', () => {
    expect(kubectlYamlDiagnostic(fixture('unknown-anchor'))).toEqual({ line: 4, message: "error converting YAML to JSON: yaml: unknown anchor 'ref' referenced" })
  })

  it('marks a document separator followed by text', () => {
    expect(kubectlYamlDiagnostic('a: 1\n--- x\nb: 1\n')).toEqual({ line: 2, message: 'invalid Yaml document separator: x' })
  })
})

describe('documentStartLines', () => {
  it('skips separators with nothing between them', () => {
    expect(documentStartLines('---\n---\na: 1\n---\nb: 2')).toEqual([3, 5])
  })
})
