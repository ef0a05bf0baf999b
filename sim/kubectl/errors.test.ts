// What kubectl prints for errors (kubectl pkg/cmd/util/helpers.go checkErr; kubectl-output.md §3.3,
// statefulset-controller.md §4.4).

import { describe, expect, it } from 'vitest'
import { alreadyExists, ApiError, invalid, notFound } from '../api/errors'
import { fieldError, goStringMap } from '../api/field-errors'
import { addSourceToErr, AggregateError, formatError, KubectlError, RawError, UsageError, warningLines } from './errors'

const text = (e: unknown) => formatError(e).text

describe('formatError', () => {
  it('prefixes a server error with its reason', () => {
    expect(text(notFound('StatefulSet', 'web2'))).toBe('Error from server (NotFound): statefulsets.apps "web2" not found\n')
  })

  it('leaves the reason out for a reasonless server error', () => {
    expect(text(new ApiError('Unknown', 'Internal error occurred: boom'))).toBe('Error from server: Internal error occurred: boom\n')
  })

  it('names the file a create failed for (AddSourceToErr)', () => {
    expect(text(addSourceToErr('creating', 'web.yaml', alreadyExists('Service', 'nginx')))).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": services "nginx" already exists\n',
    )
  })

  it('prints an Invalid error with one cause on one line', () => {
    const e = invalid('StatefulSet', 'web', [
      fieldError.forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    ])
    expect(text(e)).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    )
  })

  it('prints an Invalid error with several causes as a list under a line ending in a space', () => {
    const e = invalid('StatefulSet', 'ftgo-mysql', [
      fieldError.required('spec.selector'),
      fieldError.invalid('spec.template.metadata.labels', goStringMap({ role: 'ftgo-mysql' }), '`selector` does not match template `labels`'),
    ])
    expect(text(e)).toBe(
      'The StatefulSet "ftgo-mysql" is invalid: \n' +
        '* spec.selector: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"role":"ftgo-mysql"}: `selector` does not match template `labels`\n',
    )
  })

  it('prefixes a plain error with error:', () => {
    expect(text(new KubectlError('no last revision to roll back to'))).toBe('error: no last revision to roll back to\n')
  })

  it('adds the help hint to a usage error', () => {
    expect(text(new UsageError('kubectl get', 'Required resource not specified.'))).toBe(
      "error: Required resource not specified.\nSee 'kubectl get -h' for help and examples\n",
    )
  })

  it('prints several errors one per line without error:', () => {
    expect(text(new AggregateError([notFound('Pod', 'web-8'), new KubectlError('the path "x.yaml" does not exist')]))).toBe(
      'Error from server (NotFound): pods "web-8" not found\nthe path "x.yaml" does not exist\n',
    )
  })

  it('unwraps an aggregate of one error once', () => {
    expect([text(new AggregateError([new KubectlError('a')])), text(new AggregateError([new AggregateError([new KubectlError('a')])]))]).toEqual([
      'error: a\n',
      'a\n',
    ])
  })

  it('prints raw messages as they are, with their exit code', () => {
    expect(formatError(new RawError('Error: flags cannot be placed before plugin name: -n'))).toEqual({
      text: 'Error: flags cannot be placed before plugin name: -n\n',
      exitCode: 1,
    })
  })
})

describe('warningLines', () => {
  it('prints each server warning as Warning: <text>', () => {
    expect(warningLines(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'])).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    )
  })
})
