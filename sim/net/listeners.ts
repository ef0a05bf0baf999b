// The sockets that programs on the student's machine listen on: `kubectl proxy` on 127.0.0.1:8001,
// `kubectl port-forward` on 127.0.0.1 and [::1]. One table per simulation, so every terminal tab of
// the same cluster sees the proxy another tab started (the seeds run it "in another window"). It is
// not saved with a session: after a reload nothing listens, as after a reboot.

import type { Simulation } from '../simulation'
import type { DialResult, NetRequest } from './http'

export interface Listener {
  /** `127.0.0.1`, `::1`, or another local address the program bound. */
  address: string
  port: number
  /** What the program asked net.Listen for: `tcp` (kubectl proxy), `tcp4`/`tcp6` (port-forward). */
  network: 'tcp' | 'tcp4' | 'tcp6'
  /** Answers one connection. */
  handle(req: NetRequest): DialResult
}

export class HostListeners {
  private readonly sockets: Listener[] = []

  /** Binds, or says why not (Go's `listen tcp 127.0.0.1:8001: bind: address already in use`). */
  listen(l: Listener): { ok: true; close: () => void } | { ok: false; error: string } {
    if (this.find(l.address, l.port)) {
      const host = l.address.includes(':') ? `[${l.address}]` : l.address
      return { ok: false, error: `listen ${l.network} ${host}:${l.port}: bind: address already in use` }
    }
    this.sockets.push(l)
    return {
      ok: true,
      close: () => {
        const i = this.sockets.indexOf(l)
        if (i >= 0) this.sockets.splice(i, 1)
      },
    }
  }

  find(address: string, port: number): Listener | undefined {
    return this.sockets.find((s) => s.port === port && (s.address === address || s.address === '0.0.0.0' || s.address === '::'))
  }

  /** Ports in use, for tests and the UI. */
  ports(): { address: string; port: number }[] {
    return this.sockets.map((s) => ({ address: s.address, port: s.port }))
  }
}

const tables = new WeakMap<Simulation, HostListeners>()

export function hostListeners(sim: Simulation): HostListeners {
  let t = tables.get(sim)
  if (!t) {
    t = new HostListeners()
    tables.set(sim, t)
  }
  return t
}
