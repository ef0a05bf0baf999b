// Every object the simulated cluster writes is one a v1.33 API server decodes: no field its Go type
// lacks, no value of the wrong type. (`kubectl get -o yaml > f.yaml; kubectl replace -f f.yaml` must
// not fail strict decoding on fields the simulator made up.)

import { describe, expect, it } from 'vitest'
import { KINDS } from '../kinds'
import { createAs, testSim } from '../../testing/harness'
import { decodeFindings } from './decode'

const WEB = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  },
]

describe('objects of the simulated cluster', () => {
  it('decode strictly, kind by kind, after a StatefulSet has come up', () => {
    const sim = testSim()
    createAs(sim, ...WEB)
    sim.settle()
    const findings: string[] = []
    for (const k of KINDS) {
      for (const obj of sim.api.list(k.kind)) {
        const f = decodeFindings(k.kind, obj)
        if (f.fatal || f.unknown.length) findings.push(`${k.kind} ${obj.metadata.name}: ${f.fatal ?? f.unknown.join(', ')}`)
      }
    }
    expect(sim.api.list('Pod').filter((p) => p.metadata.name?.startsWith('web-') && p.status?.containerStatuses)).toHaveLength(2)
    expect(findings).toEqual([])
  })
})
