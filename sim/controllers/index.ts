// The controllers a simulation runs, in a fixed order (the order work is done in at one instant).

import type { ControllerManager } from './runtime'
import type { ControllerDeps } from './deps'
import { namespaceController } from './namespace'
import { garbageCollectorController } from './garbage-collector'
import { statefulSetController } from './statefulset'
import { deploymentController } from './deployment'
import { replicaSetController } from './replicaset'
import { pvBinderController } from './pv-binder'
import { provisionerController } from './provisioner'
import { pvcProtectionController, pvProtectionController } from './pv/protection'
import { schedulerController } from './scheduler'
import { kubeletController } from '../kubelet'
import { endpointsController } from './endpoints'
import { endpointSliceController } from './endpointslice'
import { disruptionController } from './disruption'
import { nodeLifecycleController } from './node-lifecycle'
import { nodeStatusController } from './node-status'
import { podGcController } from './pod-gc'

export type { ControllerDeps }

export function registerControllers(manager: ControllerManager, deps: ControllerDeps): void {
  manager.register(namespaceController())
  manager.register(garbageCollectorController(deps))
  manager.register(statefulSetController(deps))
  manager.register(deploymentController(deps))
  manager.register(replicaSetController(deps))
  manager.register(pvBinderController(deps))
  manager.register(provisionerController(deps))
  manager.register(pvcProtectionController())
  manager.register(pvProtectionController())
  manager.register(schedulerController(deps))
  manager.register(nodeStatusController(deps))
  manager.register(kubeletController(deps))
  manager.register(endpointsController(deps))
  manager.register(endpointSliceController(deps))
  manager.register(disruptionController(deps))
  manager.register(nodeLifecycleController(deps))
  manager.register(podGcController(deps))
}
