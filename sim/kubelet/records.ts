// What the kubelet keeps per pod (PodRecord, by pod key "namespace/name"), with the two lookups its
// frequent paths need without walking every pod of the cluster: by pod uid (the runtime reports
// which pod saw a change) and by node (a new sandbox's IP must not be one in use on its node). Also
// the pod IPs the API shows in use per node, kept from the Pod watch events. All of it is memory,
// re-derived after a restore: records from pod statuses, IPs from a list on first use.

import type { ApiServer } from '../api/server'
import type { Pod, WatchEvent } from '../api/types'
import type { PodRecord } from './model'

export class PodRecords {
  private readonly byKey = new Map<string, PodRecord>()
  private readonly keyByUid = new Map<string, string>()
  private readonly byNode = new Map<string, Set<PodRecord>>()

  get(key: string): PodRecord | undefined {
    return this.byKey.get(key)
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  set(key: string, rec: PodRecord): void {
    this.delete(key)
    this.byKey.set(key, rec)
    this.keyByUid.set(rec.uid, key)
    let onNode = this.byNode.get(rec.node)
    if (!onNode) this.byNode.set(rec.node, (onNode = new Set()))
    onNode.add(rec)
  }

  delete(key: string): void {
    const rec = this.byKey.get(key)
    if (!rec) return
    this.byKey.delete(key)
    if (this.keyByUid.get(rec.uid) === key) this.keyByUid.delete(rec.uid)
    this.byNode.get(rec.node)?.delete(rec)
  }

  /** The key of the pod with this uid, if the kubelet keeps a record of it. */
  keyOf(uid: string): string | undefined {
    return this.keyByUid.get(uid)
  }

  /** The records of the pods on `node`. */
  onNode(node: string): Iterable<PodRecord> {
    return this.byNode.get(node) ?? []
  }
}

function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed'
}

/** The IP a pod holds on its node as far as the API shows: it has one, and it has not finished. */
function heldIP(pod: Pod): { node: string; ip: string } | undefined {
  const node = pod.spec?.nodeName
  const ip = pod.status?.podIP
  return node && ip && !isTerminalPhase(pod.status?.phase) ? { node, ip } : undefined
}

/** Pod IPs in use per node according to the API, by pod uid; equal at any time to a list of the node's pods. */
export class ApiPodIPs {
  private nodes: Map<string, Map<string, string>> | undefined
  private readonly nodeOf = new Map<string, string>()

  /** A Pod watch event (the kubelet's keysFor): events before the first use are in the list it starts from. */
  observe(ev: WatchEvent): void {
    if (!this.nodes || ev.kind !== 'Pod') return
    const pod = ev.object as unknown as Pod
    const uid = pod.metadata?.uid ?? ''
    this.forget(uid)
    if (ev.type !== 'DELETED') this.add(uid, pod)
  }

  /** uid -> IP of the pods holding an IP on `node`. */
  onNode(api: ApiServer, node: string): ReadonlyMap<string, string> {
    if (!this.nodes) {
      this.nodes = new Map()
      for (const p of api.each('Pod')) this.add(p.metadata.uid ?? '', p as Pod)
    }
    return this.nodes.get(node) ?? new Map()
  }

  private add(uid: string, pod: Pod): void {
    const held = heldIP(pod)
    if (!held) return
    let m = this.nodes!.get(held.node)
    if (!m) this.nodes!.set(held.node, (m = new Map()))
    m.set(uid, held.ip)
    this.nodeOf.set(uid, held.node)
  }

  private forget(uid: string): void {
    const node = this.nodeOf.get(uid)
    if (node === undefined) return
    this.nodes!.get(node)?.delete(uid)
    this.nodeOf.delete(uid)
  }
}
