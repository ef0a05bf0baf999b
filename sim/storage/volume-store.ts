// Where volume data lives. A PersistentVolume's data is keyed by the PV's name (and survives pods,
// rescheduling and PVC re-binding as the disk would); an emptyDir by the pod uid and volume name.

import { MemFs, type Entry } from './memfs'

export class VolumeStore {
  private volumes = new Map<string, MemFs>()

  /** The data of a volume, created empty on first use. */
  get(id: string): MemFs {
    let fs = this.volumes.get(id)
    if (!fs) this.volumes.set(id, (fs = new MemFs()))
    return fs
  }

  has(id: string): boolean {
    return this.volumes.has(id)
  }

  /** Drops a volume's data (a Delete reclaim, an emptyDir whose pod is gone). */
  delete(id: string): void {
    this.volumes.delete(id)
  }

  ids(): string[] {
    return [...this.volumes.keys()].sort()
  }

  export(): Record<string, Record<string, Entry>> {
    const out: Record<string, Record<string, Entry>> = {}
    for (const [k, v] of this.volumes) out[k] = v.export()
    return out
  }

  import(data: Record<string, Record<string, Entry>>): void {
    this.volumes.clear()
    for (const [k, v] of Object.entries(data ?? {})) this.volumes.set(k, MemFs.import(v))
  }
}

export function pvVolumeId(pvName: string): string {
  return `pv/${pvName}`
}

export function emptyDirVolumeId(podUid: string, volume: string): string {
  return `emptydir/${podUid}/${volume}`
}
