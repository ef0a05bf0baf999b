// The names the volume controllers share with the rest of the cluster: annotations, finalizers,
// event reasons and messages, exactly as upstream spells them
// (k8s.io/component-helpers/storage/volume/helpers.go, pkg/controller/volume/events/event.go,
// pkg/controller/volume/persistentvolume/pv_controller.go).

export const PV_CONTROLLER = 'persistentvolume-controller'

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by'
export const ANN_MIGRATED_TO = 'pv.kubernetes.io/migrated-to'
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
/** The deprecated way to name a class; still read before spec.storageClassName. */
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class'
export const ANN_DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class'

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection'

/** A StorageClass provisioner that never provisions (local volumes are created by hand). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner'

/** --pvclaimbinder-sync-period: how often the controller looks at every claim and volume again. */
export const RESYNC_MS = 15_000

export const MSG_WAIT_FOR_FIRST_CONSUMER = 'waiting for first consumer to be created before binding'
export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set'

/** emitEventForUnboundDelayBindingClaim */
export function msgWaitForPodScheduled(podNames: readonly string[]): string {
  return podNames.length > 1 ? `waiting for pods ${podNames.join(',')} to be scheduled` : `waiting for pod ${podNames[0]} to be scheduled`
}

/** provisionClaimOperationExternal (the newer wording, ≥1.28). */
export function msgExternalProvisioning(provisioner: string): string {
  return (
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' ` +
    'or manually by the system administrator. If volume creation is delayed, please verify that ' +
    'the provisioner is running and correctly registered.'
  )
}

/** sig-storage-lib-external-provisioner provisionClaimOperation (klog.KObj prints ns/name). */
export function msgProvisioning(namespace: string, name: string): string {
  return `External provisioner is provisioning volume for claim "${namespace}/${name}"`
}

export function msgProvisioningSucceeded(pvName: string): string {
  return `Successfully provisioned volume ${pvName}`
}
