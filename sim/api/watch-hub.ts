// The API server's watch: handlers per kind, and events delivered one at a time in write order (a
// handler that writes queues its events behind the one being delivered, as a watch stream would).

import type { Kind } from './kinds'
import type { WatchEvent } from './types'

export type WatchHandler = (event: WatchEvent) => void

export class WatchHub {
  private watchers: { handler: WatchHandler; kinds: ReadonlySet<Kind> | null }[] = []
  private pending: WatchEvent[] = []
  private dispatching = false

  /** Calls `handler` for every event (of `kinds`, when given); returns the function that stops it. */
  watch(handler: WatchHandler, kinds?: readonly Kind[]): () => void {
    const w = { handler, kinds: kinds ? new Set(kinds) : null }
    this.watchers.push(w)
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w)
    }
  }

  /** Delivers events in order; a handler that writes queues its events behind the current one. */
  emit(ev: WatchEvent): void {
    this.pending.push(ev)
    if (this.dispatching) return
    this.dispatching = true
    try {
      while (this.pending.length) {
        const e = this.pending.shift()!
        for (const w of this.watchers) if (!w.kinds || w.kinds.has(e.kind)) w.handler(e)
      }
    } finally {
      this.dispatching = false
    }
  }
}
