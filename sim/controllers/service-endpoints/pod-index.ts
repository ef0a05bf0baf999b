// The pods each Service selects, kept by a controller between syncs from its watch events, so that a
// sync of a Service with n pods neither lists every pod of the cluster nor matches the selector
// against each: it starts from the list the last sync saw and looks up only the pods that had an
// event since. The first sync of a Service (and any sync after the Service itself changed) lists
// the pods afresh; a restored simulation starts with an empty index. The API server delivers every
// write as a watch event, synchronously, so the kept list is always the one a list would return.

import type { ApiServer } from '../../api/server'
import type { Pod, Service, WatchEvent } from '../../api/types'
import { matches, type Selector } from '../../api/selectors'
import { serviceSelector } from './pods'
import { lowerBound } from '../../core/sorted'

interface Entry {
  svc: Service
  selector: Selector
  /** The selected pods in list order (by name: one namespace). */
  pods: Pod[]
  /** Names of pods with an event since the last sync (selected before or after it). */
  dirty: Set<string>
}

export interface SelectedPods {
  /** The pods the Service selects, in list order. Owned by the index: read it before the next sync. */
  pods: readonly Pod[]
  /**
   * The pods that may have changed since the last sync, in list order (by name), each as it is now
   * (undefined: no longer selected); null when the list was rebuilt.
   */
  changed: readonly ChangedPod[] | null
}

export interface ChangedPod {
  name: string
  pod: Pod | undefined
}

export class ServicePodIndex {
  /** Entries by namespace, then by Service name. */
  private byNamespace = new Map<string, Map<string, Entry>>()

  /** Notes a Pod watch event: every kept Service whose selector matched the pod before or after. */
  notePodEvent(ev: WatchEvent): void {
    const entries = this.byNamespace.get(ev.object.metadata.namespace ?? '')
    if (entries === undefined) return
    const name = ev.object.metadata.name ?? ''
    for (const e of entries.values()) {
      if (matches(e.selector, ev.object.metadata.labels) || (ev.old !== undefined && matches(e.selector, ev.old.metadata.labels))) e.dirty.add(name)
    }
  }

  /** Drops what is kept for a Service that is gone (or no longer selects pods). */
  forget(namespace: string, name: string): void {
    this.byNamespace.get(namespace)?.delete(name)
  }

  /** The pods `svc` selects now, brought up to date from the events noted since the last call. */
  select(api: ApiServer, svc: Service): SelectedPods {
    const ns = svc.metadata!.namespace!
    const name = svc.metadata!.name!
    let entries = this.byNamespace.get(ns)
    if (entries === undefined) this.byNamespace.set(ns, (entries = new Map()))
    const e = entries.get(name)
    if (e === undefined || e.svc !== svc) {
      const selector = serviceSelector(svc)
      // A copy: the index changes its list in place.
      const pods = selector === null ? [] : [...api.list('Pod', { namespace: ns, selector })]
      entries.set(name, { svc, selector, pods, dirty: new Set() })
      return { pods, changed: null }
    }
    if (e.dirty.size === 0) return { pods: e.pods, changed: [] }
    const names = [...e.dirty].sort()
    e.dirty.clear()
    const changed: ChangedPod[] = []
    for (const podName of names) {
      const pod = api.get('Pod', ns, podName)
      const at = lowerBound(e.pods, podName, byName)
      const here = at < e.pods.length && e.pods[at].metadata!.name === podName
      const selected = pod !== undefined && matches(e.selector, pod.metadata.labels)
      if (selected && here) e.pods[at] = pod
      else if (selected) e.pods.splice(at, 0, pod)
      else if (here) e.pods.splice(at, 1)
      changed.push({ name: podName, pod: selected ? pod : undefined })
    }
    return { pods: e.pods, changed }
  }
}

/** Pods by name (names compare as bytes: they are ASCII). */
function byName(p: Pod, name: string): number {
  const n = p.metadata!.name!
  return n < name ? -1 : n > name ? 1 : 0
}
