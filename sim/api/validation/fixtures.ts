// Test fixtures (imported by tests only): the "web" StatefulSet of the worked example as a student
// writes it, and what a real v1.33 server stored for it (copied from the reference world,
// /work/shared/tools/fakeapi/web-world.json).

import { ApiError } from '../errors'

/** The manifest, as kubectl's last-applied-configuration in web-world.json records it. */
export function webStatefulSet(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              image: 'registry.k8s.io/nginx-slim:0.24',
              name: 'nginx',
              ports: [{ containerPort: 80, name: 'web' }],
              volumeMounts: [{ mountPath: '/usr/share/nginx/html', name: 'www' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  }
}

/** web-world.json: the stored StatefulSet's spec. */
export const WEB_WORLD_STS_SPEC = {
  persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
  podManagementPolicy: 'OrderedReady',
  replicas: 3,
  revisionHistoryLimit: 10,
  selector: { matchLabels: { app: 'nginx' } },
  serviceName: 'nginx',
  template: {
    metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
    spec: {
      containers: [
        {
          image: 'registry.k8s.io/nginx-slim:0.24',
          imagePullPolicy: 'IfNotPresent',
          name: 'nginx',
          ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/usr/share/nginx/html', name: 'www' }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  },
  updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
  volumeClaimTemplates: [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { creationTimestamp: null, name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    },
  ],
}

/** Runs a write that must fail and returns the ApiError it threw. */
export function apiError(write: () => unknown): ApiError {
  try {
    write()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the write to fail')
}
