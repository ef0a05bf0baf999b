// Objects the volume scenario tests create, written as a student would write them in YAML.

import type { Simulation } from '../../simulation'
import type { KubeObject, Obj } from '../../api/types'

export function persistentVolume(
  name: string,
  size: string,
  opts: { cls?: string; policy?: string; path?: string; modes?: string[]; labels?: Record<string, string>; claimRef?: { name: string; namespace: string } } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, labels: opts.labels },
    spec: {
      capacity: { storage: size },
      accessModes: opts.modes ?? ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: opts.policy,
      storageClassName: opts.cls,
      hostPath: { path: opts.path ?? `/mnt/data/${name}` },
      claimRef: opts.claimRef,
    },
  }
}

/** `cls: null` leaves storageClassName out (the default class applies); '' asks for no class. */
export function claim(name: string, size: string, opts: { cls?: string | null; modes?: string[]; volumeName?: string; namespace?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: opts.namespace ?? 'default' },
    spec: {
      accessModes: opts.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      storageClassName: opts.cls === null ? undefined : opts.cls,
      volumeName: opts.volumeName,
    },
  }
}

export function storageClass(name: string, provisioner: string, opts: { mode?: string; policy?: string } = {}): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    reclaimPolicy: opts.policy,
    volumeBindingMode: opts.mode,
  } as KubeObject
}

/** A pod already placed on a node (as if scheduled) that mounts `claimName`. */
export function podUsing(name: string, claimName: string, nodeName = 'k8s-node1'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName,
      containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }],
    },
  }
}

export function getClaim(sim: Simulation, name: string, namespace = 'default'): Obj<'PersistentVolumeClaim'> | undefined {
  return sim.api.get('PersistentVolumeClaim', namespace, name)
}

export function getVolume(sim: Simulation, name: string): Obj<'PersistentVolume'> | undefined {
  return sim.api.get('PersistentVolume', '', name)
}

/** The events about one object, oldest first: [type, reason, message, source component, count]. */
export function eventsFor(sim: Simulation, kind: string, name: string, namespace = 'default'): [string, string, string, string, number][] {
  return sim.api
    .list('Event', { namespace })
    .filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name)
    .map((e) => [e.type ?? '', e.reason ?? '', e.message ?? '', e.source?.component ?? '', e.count ?? 1])
}

/** Plays the scheduler's part under WaitForFirstConsumer: writes the node it picked on the claim. */
export function selectNode(sim: Simulation, claimName: string, node: string): void {
  const c = sim.api.read('PersistentVolumeClaim', 'default', claimName)
  sim.api.update(
    { ...c, metadata: { ...c.metadata, annotations: { ...c.metadata.annotations, 'volume.kubernetes.io/selected-node': node } } },
    { actor: 'default-scheduler' },
  )
  sim.drain()
}
