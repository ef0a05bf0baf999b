// Ctrl-C as data: the terminal (or a job table) owns a CancelSource and hands its token to commands.

import type { CancelToken } from './types'

export class CancelSource {
  private done = false
  private readonly callbacks = new Set<() => void>()
  readonly token: CancelToken

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this
    this.token = {
      get cancelled() {
        return self.done
      },
      onCancel(cb) {
        if (self.done) {
          cb()
          return () => {}
        }
        self.callbacks.add(cb)
        return () => self.callbacks.delete(cb)
      },
    }
  }

  get cancelled(): boolean {
    return this.done
  }

  cancel(): void {
    if (this.done) return
    this.done = true
    for (const cb of [...this.callbacks]) cb()
    this.callbacks.clear()
  }
}

/** A token that is never cancelled. */
export const NEVER: CancelToken = { cancelled: false, onCancel: () => () => {} }
