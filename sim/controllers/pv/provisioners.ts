// The dynamic provisioners a lab cluster may run, and what their volumes look like. Each is an external
// provisioner built on sig-storage-lib-external-provisioner, so they share its protocol (events,
// claimRef, provisioned-by annotation); they differ in the PV they make:
//  - rancher.io/local-path (kind's default class `standard`; rancher/local-path-provisioner
//    provisioner.go provisionFor): a hostPath directory <base>/<pv>_<ns>_<claim> on the selected node,
//    pinned there with node affinity; RWO/RWOP only; needs a selected node (WaitForFirstConsumer);
//  - k8s.io/minikube-hostpath (minikube's storage-provisioner): /tmp/hostpath-provisioner/<ns>/<claim>;
//  - anything else: an NFS export (nfs-subdir-external-provisioner: <path>/<ns>-<claim>-<pv>), usable
//    from every node.

import type { Obj } from '../../api/types'
import type { ClusterConfig, ProvisionerConfig } from '../../cluster-config'
import type { Rng } from '../../core/rng'
import { ANN_DYNAMICALLY_PROVISIONED } from './names'
import { claimReference, sortKeys } from './writes'

type Claim = Obj<'PersistentVolumeClaim'>
type Volume = Obj<'PersistentVolume'>

export type ProvisionerType = NonNullable<ProvisionerConfig['type']>

export interface RunningProvisioner {
  name: string
  type: ProvisionerType
  /** The event source (`<name>_<hostname>_<uuid>`, the lib's identity). */
  component: string
  /** Who writes, in the audit log: the provisioner's deployment. */
  actor: string
  /** minikube's hostPathProvisionerIdentity annotation. */
  identity: string
  nfsServer: string
  nfsPath: string
}

/** kind's local-path-provisioner config (nodePathMap DEFAULT_PATH_FOR_NON_LISTED_NODES). */
export const LOCAL_PATH_BASE = '/var/local-path-provisioner'

function typeFor(p: ProvisionerConfig): ProvisionerType {
  if (p.type) return p.type
  if (p.name === 'rancher.io/local-path') return 'local-path'
  if (p.name === 'k8s.io/minikube-hostpath') return 'hostpath'
  return 'nfs'
}

/**
 * The running provisioners, with identities drawn from streams keyed by their names: the same seed
 * gives the same `rancher.io/local-path_local-path-provisioner-<hash>-<suffix>_<uuid>` every run.
 */
export function runningProvisioners(config: ClusterConfig, rngFor: (key: string) => Rng): RunningProvisioner[] {
  const list = config.provisioners ?? [{ name: 'rancher.io/local-path' }]
  const controlPlane = config.nodes.find((n) => n.controlPlane) ?? config.nodes[0]
  return list.map((p) => {
    const type = typeFor(p)
    const rng = rngFor(`provisioner/${p.name}`)
    const deployment = type === 'local-path' ? 'local-path-provisioner' : type === 'hostpath' ? 'storage-provisioner' : 'nfs-subdir-external-provisioner'
    // The lib's id is the pod's hostname: a Deployment pod's name, or the node for minikube's
    // host-network pod.
    const hostname = type === 'hostpath' ? (controlPlane?.name ?? 'minikube') : `${deployment}-${rng.k8sSuffix(10)}-${rng.k8sSuffix(5)}`
    return {
      name: p.name,
      type,
      component: `${p.name}_${hostname}_${rng.uuid()}`,
      actor: deployment,
      identity: rng.uuid(),
      nfsServer: p.server ?? controlPlane?.internalIP ?? '127.0.0.1',
      nfsPath: p.path ?? '/srv/nfs',
    }
  })
}

export interface ProvisionInput {
  claim: Claim
  className: string
  reclaimPolicy: string
  /** The node the scheduler chose (WaitForFirstConsumer), with its labels. */
  node?: { name: string; labels?: Record<string, string> }
}

/** Provision(): the PV to create, or the provisioner's error. */
export function buildVolume(p: RunningProvisioner, input: ProvisionInput): { volume: Volume } | { error: string } {
  const { claim } = input
  const pvName = `pvc-${claim.metadata.uid}`
  const ns = claim.metadata.namespace!
  const claimName = claim.metadata.name!
  let source: Partial<Volume['spec']> & object
  let annotations: Record<string, string> = { [ANN_DYNAMICALLY_PROVISIONED]: p.name }
  let nodeAffinity: NonNullable<Volume['spec']>['nodeAffinity']
  switch (p.type) {
    case 'local-path': {
      if (claim.spec?.selector) return { error: 'claim.Spec.Selector is not supported' }
      for (const m of claim.spec?.accessModes ?? []) {
        if (m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod') {
          return { error: 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes' }
        }
      }
      if (!input.node) return { error: 'configuration error, no node was specified' }
      source = { hostPath: { path: `${LOCAL_PATH_BASE}/${pvName}_${ns}_${claimName}`, type: 'DirectoryOrCreate' } }
      annotations = { ...annotations, 'local.path.provisioner/selected-node': input.node.name }
      const value = input.node.labels?.['kubernetes.io/hostname'] ?? input.node.name
      nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [value] }] }] } }
      break
    }
    case 'hostpath':
      source = { hostPath: { path: `/tmp/hostpath-provisioner/${ns}/${claimName}` } }
      annotations = { ...annotations, hostPathProvisionerIdentity: p.identity }
      break
    case 'nfs':
      source = { nfs: { server: p.nfsServer, path: `${p.nfsPath}/${ns}-${claimName}-${pvName}` } }
      break
  }
  const volume: Volume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: pvName, annotations: sortKeys(annotations) },
    // PersistentVolumeSpec field order: capacity, the source, accessModes, claimRef, policy, class, mode, affinity.
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
      ...source,
      accessModes: claim.spec?.accessModes,
      claimRef: claimReference(claim),
      persistentVolumeReclaimPolicy: input.reclaimPolicy,
      storageClassName: input.className,
      volumeMode: 'Filesystem',
      nodeAffinity,
    },
  }
  return { volume }
}
