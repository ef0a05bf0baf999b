// Placeholder: the container runtime (containers' processes, file systems, HTTP and exec) lands here.
import type { VolumeStore } from '../storage/volume-store'

export interface RuntimeDeps {
  volumes: VolumeStore
}

export class ContainerRuntime {
  constructor(readonly deps: RuntimeDeps) {}
}
