// Expected texts: the real capture in the reference (statefulset-controller.md §4.4), the format
// strings of sigs.k8s.io/json (strictError, UnmarshalTypeError via encoding/json), apimachinery's
// strictDecodingError (", "-joined) and apiserver's transformDecodeError.

import { describe, expect, it } from 'vitest'
import { decodeBody, decodeStrict, pruneUnknown } from './field-validation'
import { ApiError } from '../errors'

function sts(spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}, container: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }], ...container }], ...podSpec },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  }
}

const HANDLED = 'StatefulSet in version "v1" cannot be handled as a StatefulSet: '

describe('decodeStrict', () => {
  it('accepts the StatefulSet of the tutorial', () => {
    expect(decodeStrict('StatefulSet', sts())).toEqual({ errors: [], warnings: [] })
  })

  it('reports `replica:` as an unknown field of spec', () => {
    expect(decodeStrict('StatefulSet', sts({ replica: 3 })).errors).toEqual([HANDLED + 'strict decoding error: unknown field "spec.replica"'])
  })

  it('reports podAntiAffinity put under the pod securityContext (real capture)', () => {
    const obj = sts({}, { securityContext: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] } } })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([HANDLED + 'strict decoding error: unknown field "spec.template.spec.securityContext.podAntiAffinity"'])
  })

  it('names list elements by index in unknown field paths', () => {
    expect(decodeStrict('StatefulSet', sts({}, {}, { imagee: 'nginx' })).errors).toEqual([HANDLED + 'strict decoding error: unknown field "spec.template.spec.containers[0].imagee"'])
  })

  it('reports an image given at the pod level, where there is no such field', () => {
    expect(decodeStrict('StatefulSet', sts({}, { image: 'nginx' })).errors).toEqual([HANDLED + 'strict decoding error: unknown field "spec.template.spec.image"'])
  })

  it('lists several unknown fields joined by ", " in sorted-key document order', () => {
    const obj = sts({ zeta: 1, alpha: 2 }, { image: 'nginx' })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([
      HANDLED + 'strict decoding error: unknown field "spec.alpha", unknown field "spec.template.spec.image", unknown field "spec.zeta"',
    ])
  })

  it('matches field names case-sensitively', () => {
    expect(decodeStrict('StatefulSet', sts({ Replicas: 3 })).errors).toEqual([HANDLED + 'strict decoding error: unknown field "spec.Replicas"'])
  })

  it('turns unknown fields into warnings with Warn', () => {
    expect(decodeStrict('StatefulSet', sts({ replica: 3 }, { image: 'x' }), 'Warn')).toEqual({
      errors: [],
      warnings: ['unknown field "spec.replica"', 'unknown field "spec.template.spec.image"'],
    })
  })

  it('says nothing about unknown fields with Ignore', () => {
    expect(decodeStrict('StatefulSet', sts({ replica: 3 }), 'Ignore')).toEqual({ errors: [], warnings: [] })
  })

  it('rejects replicas given as a string', () => {
    expect(decodeStrict('StatefulSet', sts({ replicas: '3' })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    ])
  })

  it('rejects a containerPort given as a string, naming the path without list indices', () => {
    const obj = sts({}, {}, { ports: [{ containerPort: '80' }] })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    ])
  })

  it('rejects a fractional number for an integer field', () => {
    expect(decodeStrict('StatefulSet', sts({ replicas: 1.5 })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32',
    ])
  })

  it('rejects a number too large for an int32', () => {
    expect(decodeStrict('StatefulSet', sts({ replicas: 3000000000 })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal number 3000000000 into Go struct field StatefulSetSpec.spec.replicas of type int32',
    ])
  })

  it('fails on a type error with any field validation', () => {
    expect(decodeStrict('StatefulSet', sts({ replicas: '3' }), 'Ignore').errors).toHaveLength(1)
  })

  it('reports only the type error when there are unknown fields as well', () => {
    expect(decodeStrict('StatefulSet', sts({ replica: 3, replicas: '3' })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    ])
  })

  it('names the Go slice type when a list is given as one object', () => {
    const obj = sts({}, { containers: { name: 'nginx', image: 'nginx' } })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([
      HANDLED + 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    ])
  })

  it('names the element type when accessModes is a string', () => {
    const obj = sts({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: 'ReadWriteOnce' } }] })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.volumeClaimTemplates.spec.accessModes of type []v1.PersistentVolumeAccessMode',
    ])
  })

  it('names a map value by its map field: a label given as a number', () => {
    const obj = { ...sts(), metadata: { name: 'web', labels: { version: 1 } } }
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([HANDLED + 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'])
  })

  it('rejects an env value given as a number', () => {
    expect(decodeStrict('StatefulSet', sts({}, {}, { env: [{ name: 'PORT', value: 8080 }] })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    ])
  })

  it('names the element type when a list holds a string instead of an object', () => {
    expect(decodeStrict('StatefulSet', sts({}, { containers: ['nginx'] })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container',
    ])
  })

  it('names a named Go string type', () => {
    expect(decodeStrict('StatefulSet', sts({}, {}, { imagePullPolicy: true })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal bool into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy',
    ])
  })

  it('names a named map type: limits given as a string', () => {
    expect(decodeStrict('StatefulSet', sts({}, {}, { resources: { limits: '1' } })).errors).toEqual([
      HANDLED + 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList',
    ])
  })

  it('rejects a malformed quantity with ParseQuantity text', () => {
    const obj = sts({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { resources: { requests: { storage: '1 Gi' } } } }] })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([
      HANDLED + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ])
  })

  it('rejects an unknown quantity suffix', () => {
    const obj = sts({}, {}, { resources: { requests: { memory: '1Kii' } } })
    expect(decodeStrict('StatefulSet', obj).errors).toEqual([HANDLED + "unable to parse quantity's suffix"])
  })

  it('accepts numbers and strings for an IntOrString, but not a bool', () => {
    const svc = (targetPort: unknown) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { ports: [{ port: 80, targetPort }] } })
    expect(decodeStrict('Service', svc(80)).errors).toEqual([])
    expect(decodeStrict('Service', svc('web')).errors).toEqual([])
    expect(decodeStrict('Service', svc(true)).errors).toEqual([
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    ])
  })

  it('rejects Secret data that is not base64 at the byte where decoding fails', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'admin' } }
    expect(decodeStrict('Secret', secret).errors).toEqual(['Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4'])
  })

  it('accepts Secret stringData in plain text', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'admin' }, data: { user: 'YWRtaW4=' } }
    expect(decodeStrict('Secret', secret)).toEqual({ errors: [], warnings: [] })
  })

  it('rejects a timestamp time.Parse cannot read', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', creationTimestamp: 'yesterday' }, spec: { containers: [{ name: 'a' }] } }
    expect(decodeStrict('Pod', pod).errors).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ])
  })

  it('accepts null for any field', () => {
    expect(decodeStrict('StatefulSet', sts({ replicas: null, template: null })).errors).toEqual([])
  })

  it('reports unknown top-level fields by their bare name', () => {
    expect(decodeStrict('ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, date: { a: 'b' } }).errors).toEqual([
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "date"',
    ])
  })
})

describe('pruneUnknown', () => {
  it('drops unknown fields and keeps map keys and the rest', () => {
    const obj = sts({ replica: 3 }, { image: 'x' })
    const pruned = pruneUnknown('StatefulSet', obj) as ReturnType<typeof sts>
    expect(pruned.spec).not.toHaveProperty('replica')
    expect(pruned.spec.template.spec).not.toHaveProperty('image')
    expect(pruned.spec.selector).toEqual({ matchLabels: { app: 'nginx' } })
    expect(pruned.spec.volumeClaimTemplates).toEqual(sts().spec.volumeClaimTemplates)
  })

  it('leaves its input as it was', () => {
    const obj = sts({ replica: 3 })
    pruneUnknown('StatefulSet', obj)
    expect(obj.spec).toHaveProperty('replica', 3)
  })
})

describe('decodeBody', () => {
  it('throws the BadRequest the server answers in Strict mode', () => {
    let err: unknown
    try {
      decodeBody('StatefulSet', sts({ replica: 3 }), 'Strict')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).reason).toBe('BadRequest')
    expect((err as ApiError).message).toBe(HANDLED + 'strict decoding error: unknown field "spec.replica"')
  })

  it('returns the object without unknown fields and the warnings in Warn mode', () => {
    const r = decodeBody('StatefulSet', sts({ replica: 3 }), 'Warn')
    expect(r.warnings).toEqual(['unknown field "spec.replica"'])
    expect(r.object.spec).not.toHaveProperty('replica')
  })
})
