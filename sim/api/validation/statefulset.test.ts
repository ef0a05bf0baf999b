import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { StatefulSet } from '../types'
import { apiError, WEB_WORLD_STS_SPEC, webStatefulSet } from './fixtures'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

// Expected texts: reference statefulset-controller.md §4.2–4.4 (validation.go strings and real
// kubectl captures), the 1.33 update-forbidden message, and web-world.json for defaults.
const LABEL_RE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

describe('StatefulSet defaults', () => {
  it('stores a minimal StatefulSet with the spec a v1.33 server stores', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    expect(JSON.parse(JSON.stringify(sts.spec))).toEqual(WEB_WORLD_STS_SPEC)
  })

  it('starts with a reset status and generation 1', () => {
    const s = sim()
    const input = { ...webStatefulSet(), status: { replicas: 7, readyReplicas: 7 } }
    const sts = s.api.create(input, as) as StatefulSet
    expect(sts.status).toEqual({ replicas: 0, availableReplicas: 0 })
    expect(sts.metadata!.generation).toBe(1)
  })

  it('leaves rollingUpdate unset when the type RollingUpdate was given without it', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.updateStrategy = { type: 'RollingUpdate' }
    const sts = s.api.create(input, as) as StatefulSet
    expect(sts.spec!.updateStrategy).toEqual({ type: 'RollingUpdate' })
  })

  it('drops rollingUpdate.maxUnavailable while the MaxUnavailableStatefulSet gate is off', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } }
    const sts = s.api.create(input, as) as StatefulSet
    expect(sts.spec!.updateStrategy!.rollingUpdate).toEqual({ partition: 0 })
  })

  it('defaults maxUnavailable to 1 when the gate is on', () => {
    const s = testSim({ systemPods: false, featureGates: { MaxUnavailableStatefulSet: true } })
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    expect(sts.spec!.updateStrategy!.rollingUpdate).toEqual({ partition: 0, maxUnavailable: 1 })
  })
})

describe('StatefulSet validation on create', () => {
  it('gives both errors for a missing selector', () => {
    const s = sim()
    const input = webStatefulSet()
    delete input.spec.selector
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'StatefulSet.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`]',
    )
  })

  it('reports the two causes kubectl lists one per line', () => {
    const s = sim()
    const input = webStatefulSet()
    delete input.spec.selector
    const e = apiError(() => s.api.create(input, as))
    expect(e.reason).toBe('Invalid')
    expect(e.details.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
        field: 'spec.template.metadata.labels',
      },
    ])
  })

  it('rejects a selector that does not match the template labels', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.template.metadata.labels = { app: 'web' }
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
  })

  it('rejects an empty selector', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.selector = {}
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'StatefulSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
    )
  })

  it.each([
    ['replicas', { replicas: -1 }, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['minReadySeconds', { minReadySeconds: -5 }, 'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0'],
    ['ordinals.start', { ordinals: { start: -1 } }, 'spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0'],
    ['podManagementPolicy', { podManagementPolicy: 'Serial' }, `spec.podManagementPolicy: Invalid value: "Serial": must be 'OrderedReady' or 'Parallel'`],
    [
      'updateStrategy',
      { updateStrategy: { type: 'Blue' } },
      `spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'`,
    ],
    ['partition', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }, 'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0'],
    [
      'retention policy',
      { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } },
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ],
    ['serviceName', { serviceName: 'Nginx' }, `spec.serviceName: Invalid value: "Nginx": ${LABEL_RE}`],
  ])('rejects a bad %s', (_, patch, text) => {
    const s = sim()
    const input = webStatefulSet()
    Object.assign(input.spec, patch)
    expect(apiError(() => s.api.create(input, as)).message).toBe(`StatefulSet.apps "web" is invalid: ${text}`)
  })

  it('rejects a restartPolicy other than Always and an activeDeadlineSeconds in the template', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.template.spec.restartPolicy = 'Never'
    input.spec.template.spec.activeDeadlineSeconds = 10
    expect(apiError(() => s.api.create(input, as)).message).toBe(
      'StatefulSet.apps "web" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always", spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported]',
    )
  })

  it('does not validate the pod spec of its template (the pod create fails later)', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.template.spec.containers[0].volumeMounts = [{ mountPath: '/usr/share/nginx/html', name: 'html' }]
    input.spec.template.spec.containers[0].image = ''
    expect(() => s.api.create(input, as)).not.toThrow()
  })

  it.each([
    ['upper case', 'Web', LABEL_RE],
    ['dots (a label, not a subdomain)', 'web.v1', 'must not contain dots'],
    ['more than 63 characters', 'w'.repeat(64), 'must be no more than 63 characters'],
  ])('rejects a name with %s', (_, name, detail) => {
    const s = sim()
    const input = webStatefulSet()
    input.metadata.name = name
    expect(apiError(() => s.api.create(input, as)).message).toBe(`StatefulSet.apps "${name}" is invalid: metadata.name: Invalid value: "${name}": ${detail}`)
  })

  it('answers AlreadyExists for a name that is taken', () => {
    const s = sim()
    s.api.create(webStatefulSet(), as)
    const e = apiError(() => s.api.create(webStatefulSet(), as))
    expect(e.reason).toBe('AlreadyExists')
    expect(e.message).toBe('statefulsets.apps "web" already exists')
  })

  it('warns about a negative revisionHistoryLimit', () => {
    const s = sim()
    const input = webStatefulSet()
    input.spec.revisionHistoryLimit = -1
    s.api.create(input, as)
    expect(s.api.warnings()).toEqual(['spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended'])
  })
})

describe('StatefulSet updates', () => {
  const FORBIDDEN =
    "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

  it('forbids changing the serviceName', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    expect(apiError(() => s.api.update({ ...sts, spec: { ...sts.spec!, serviceName: 'web' } }, as)).message).toBe(FORBIDDEN)
  })

  it('forbids changing the volume claim templates', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const vct = { ...sts.spec!.volumeClaimTemplates![0], spec: { ...sts.spec!.volumeClaimTemplates![0].spec, resources: { requests: { storage: '2Gi' } } } }
    expect(apiError(() => s.api.update({ ...sts, spec: { ...sts.spec!, volumeClaimTemplates: [vct] } }, as)).message).toBe(FORBIDDEN)
  })

  it('allows replicas, template, updateStrategy and revisionHistoryLimit to change', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const tmpl = sts.spec!.template
    const next = {
      ...sts,
      spec: {
        ...sts.spec!,
        replicas: 5,
        revisionHistoryLimit: 3,
        updateStrategy: { type: 'OnDelete' },
        template: { ...tmpl, spec: { ...tmpl.spec!, containers: [{ ...tmpl.spec!.containers[0], image: 'registry.k8s.io/nginx-slim:0.25' }] } },
      },
    }
    const stored = s.api.update(next, as) as StatefulSet
    expect(stored.spec!.replicas).toBe(5)
    expect(stored.metadata!.generation).toBe(2)
  })

  it('keeps status out of a spec update', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const stored = s.api.update({ ...sts, status: { replicas: 3, availableReplicas: 3 } }, as) as StatefulSet
    expect(stored.status).toEqual({ replicas: 0, availableReplicas: 0 })
  })

  it('rejects rollingUpdate on an OnDelete strategy, printing the dereferenced value', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const e = apiError(() => s.api.update({ ...sts, spec: { ...sts.spec!, updateStrategy: { type: 'OnDelete', rollingUpdate: {} } } }, as))
    expect(e.message).toBe(
      `StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:(*int32)(nil), MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'`,
    )
  })
})

describe('StatefulSet status updates', () => {
  it('rejects counts above status.replicas', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const e = apiError(() => s.api.updateStatus({ ...sts, status: { replicas: 2, readyReplicas: 3, availableReplicas: 3 } }, as))
    expect(e.message).toBe(
      'StatefulSet.apps "web" is invalid: [status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas, status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas]',
    )
  })

  it('rejects a decremented collisionCount', () => {
    const s = sim()
    const sts = s.api.create(webStatefulSet(), as) as StatefulSet
    const up = s.api.updateStatus({ ...sts, status: { replicas: 0, availableReplicas: 0, collisionCount: 2 } }, as) as StatefulSet
    const e = apiError(() => s.api.updateStatus({ ...up, status: { replicas: 0, availableReplicas: 0, collisionCount: 1 } }, as))
    expect(e.message).toBe('StatefulSet.apps "web" is invalid: status.collisionCount: Invalid value: 1: cannot be decremented')
  })
})
