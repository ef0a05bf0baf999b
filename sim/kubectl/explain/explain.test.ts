// Expected output: the reference's bytes for `kubectl explain sts` (kubectl-output.md §7, kept in
// __golden__/sts-top.txt), kubectl's plaintext template and its upstream tests
// (pkg/explain/v2/templates/plaintext_test.go), and kubectl's error texts (explain.go, helpers.go).

import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { explain, loadDescriptions, type Descriptions, type ExplainRequest } from './explain'

let docs: Descriptions
beforeAll(async () => {
  docs = await loadDescriptions()
})

const run = (req: ExplainRequest) => explain(req, { descriptions: docs })
const out = (...args: string[]) => run({ args }).stdout

describe('kubectl explain', () => {
  it('prints the top of `kubectl explain sts` as the reference shows it', () => {
    const golden = readFileSync(new URL('./__golden__/sts-top.txt', import.meta.url), 'utf8')
    expect(out('sts').startsWith(golden)).toBe(true)
  })

  it('resolves plural, singular, kind and short names alike', () => {
    const sts = out('sts')
    expect(out('statefulsets')).toBe(sts)
    expect(out('statefulset')).toBe(sts)
    expect(out('StatefulSet')).toBe(sts)
    expect(out('statefulsets.apps')).toBe(sts)
  })

  it('omits GROUP for core kinds', () => {
    expect(out('pods').startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true)
  })

  it('lists fields sorted, with type names, -required- and the field description indented', () => {
    const spec = out('sts.spec')
    expect(spec).toContain('\n  selector\t<LabelSelector> -required-\n')
    expect(spec).toContain('\n  template\t<PodTemplateSpec> -required-\n')
    expect(spec).toContain('\n  volumeClaimTemplates\t<[]PersistentVolumeClaim>\n')
    expect(spec).toContain('\n  replicas\t<integer>\n')
    const names = [...spec.matchAll(/^ {2}(\w+)\t/gm)].map((m) => m[1])
    expect(names).toEqual([...names].sort())
  })

  it('prints FIELD with two empty lines before DESCRIPTION, and the type description after the field description', () => {
    expect(out('sts.spec')).toContain(
      'VERSION:    v1\n\nFIELD: spec <StatefulSetSpec>\n\n\nDESCRIPTION:\n    Spec defines the desired identities of pods in this set.\n    A StatefulSetSpec is the specification of a StatefulSet.\n    \nFIELDS:\n',
    )
  })

  it('prints an enum under the FIELD line and after the type in field lists', () => {
    expect(out('sts.spec.podManagementPolicy')).toContain('FIELD: podManagementPolicy <string>\nENUM:\n    OrderedReady\n    Parallel\n\nDESCRIPTION:\n')
    expect(out('sts.spec')).toContain('\n  podManagementPolicy\t<string>\n  enum: OrderedReady, Parallel\n    podManagementPolicy controls')
  })

  it('knows enums whose constants are conversions of other constants (discovery AddressType)', () => {
    expect(out('endpointslices.addressType')).toContain('FIELD: addressType <string>\nENUM:\n    FQDN\n    IPv4\n    IPv6\n\n')
  })

  it('follows a path through lists, skipping the group in statefulsets.apps.<field>', () => {
    expect(out('statefulsets.apps.spec.template.spec.containers')).toContain('FIELD: containers <[]Container>\n')
    expect(out('sts.spec.template.spec.containers.name')).toContain('FIELD: name <string>\n')
  })

  it('shows maps and special types by their OpenAPI names', () => {
    expect(out('sts.metadata')).toContain('\n  labels\t<map[string]string>\n')
    expect(out('pod.spec.containers.resources')).toContain('\n  limits\t<map[string]Quantity>\n')
    expect(out('svc.spec.ports')).toContain('\n  targetPort\t<IntOrString>\n')
    expect(out('sts.metadata')).toContain('\n  creationTimestamp\t<string>\n')
  })

  it('ends the output with an empty line after the last field', () => {
    expect(out('sts').endsWith('    out of date by some window of time.\n\n\n')).toBe(true)
  })

  it('prints only name and type lines with --recursive, two spaces deeper per level', () => {
    const r = run({ args: ['sts.spec.updateStrategy'], recursive: true }).stdout
    expect(r).toContain('FIELDS:\n  rollingUpdate\t<RollingUpdateStatefulSetStrategy>\n    maxUnavailable\t<IntOrString>\n    partition\t<integer>\n  type\t<string>\n  enum: OnDelete, RollingUpdate\n\n')
  })

  it('names the last element of the path when the path leads nowhere', () => {
    expect(run({ args: ['sts.spec.foo.bar'] })).toEqual({ stdout: '', stderr: 'error: field "bar" does not exist\n', exitCode: 1 })
    expect(run({ args: ['sts.spec.replica'] }).stderr).toBe('error: field "replica" does not exist\n')
  })

  it('does not look inside map values by key', () => {
    expect(run({ args: ['pod.metadata.labels.app'] }).stderr).toBe('error: field "app" does not exist\n')
  })

  it('reports an unknown resource type', () => {
    expect(run({ args: ['foo'] })).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 })
  })

  it('asks for a resource when given none, and for one when given two', () => {
    expect(run({ args: [] }).stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
    expect(run({ args: ['pods', 'sts'] }).stderr).toBe('error: We accept only this format: explain RESOURCE\n')
  })

  it('takes the path as it is with --api-version', () => {
    expect(run({ args: ['sts.spec'], apiVersion: 'apps/v1' }).stdout).toBe(out('sts.spec'))
    expect(run({ args: ['statefulsets.apps.spec'], apiVersion: 'apps/v1' }).stderr).toBe('error: field "spec" does not exist\n')
  })

  it('reports an --api-version the server does not serve, or that lacks the resource', () => {
    expect(run({ args: ['sts'], apiVersion: 'apps/v2' }).stderr).toBe('error: couldn\'t find resource for "apps/v2, Resource=statefulsets"\n')
    expect(run({ args: ['sts'], apiVersion: 'batch/v1' }).stderr).toBe('error: GVR (batch/v1, Resource=statefulsets) not found in OpenAPI schema\n')
  })

  it('reports an unknown output format', () => {
    expect(run({ args: ['sts'], output: 'yaml' }).stderr).toBe('error: unrecognized format: yaml\n')
  })
})
