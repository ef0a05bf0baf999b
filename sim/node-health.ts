// Whether each node's kubelet is reachable. Pulling a node's cable (from the simulation API, the
// shell's non-kubectl `node-cable` command, or a lab's setup) stops its kubelet from doing anything
// and stops its heartbeats; the node lifecycle controller notices after the monitor grace period.
// This is the only node state that is not an API object, so it is saved with the session.

export interface NodeOutage {
  node: string
  /** Virtual ms when the node stopped reporting. */
  since: number
}

export class NodeHealth {
  private down = new Map<string, number>()
  private listeners = new Set<(node: string) => void>()

  isUp(node: string | undefined): boolean {
    return node === undefined || node === '' || !this.down.has(node)
  }

  downSince(node: string): number | undefined {
    return this.down.get(node)
  }

  fail(node: string, now: number): void {
    if (this.down.has(node)) return
    this.down.set(node, now)
    this.emit(node)
  }

  restore(node: string): void {
    if (!this.down.delete(node)) return
    this.emit(node)
  }

  outages(): NodeOutage[] {
    return [...this.down.entries()].map(([node, since]) => ({ node, since })).sort((a, b) => (a.node < b.node ? -1 : 1))
  }

  load(outages: readonly NodeOutage[]): void {
    this.down = new Map(outages.map((o) => [o.node, o.since]))
  }

  /** Controllers that care (kubelet, node lifecycle) re-enqueue the node's work here. */
  onChange(listener: (node: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(node: string): void {
    for (const l of this.listeners) l(node)
  }
}
