// What moves simulated time in the browser: every animation frame hands the real milliseconds since
// the last one to `onFrame` (the workspace's frame()). Browsers stop animation frames in a hidden
// tab, so while hidden a 1 s interval takes over: the cluster keeps running in the background, as a
// real one would. A frame that throws is reported and the loop goes on.

export interface LoopHost {
  now(): number
  requestAnimationFrame(cb: () => void): number
  cancelAnimationFrame(id: number): void
  setInterval(cb: () => void, ms: number): number
  clearInterval(id: number): void
  hidden(): boolean
  onVisibilityChange(cb: () => void): () => void
  reportError(e: unknown): void
}

export const HIDDEN_INTERVAL_MS = 1000

export function startClockLoop(onFrame: (realMs: number) => void, host: LoopHost): () => void {
  let last = host.now()
  let raf: number | undefined
  let interval: number | undefined
  let stopped = false
  let reported = false

  const step = () => {
    const now = host.now()
    const ms = now - last
    last = now
    try {
      onFrame(ms)
    } catch (e) {
      // One report: a bug that throws every frame would otherwise flood the console.
      if (!reported) host.reportError(e)
      reported = true
    }
  }
  const onRaf = () => {
    raf = undefined
    if (stopped) return
    step()
    schedule()
  }
  const schedule = () => {
    if (stopped) return
    if (host.hidden()) {
      if (raf !== undefined) host.cancelAnimationFrame(raf)
      raf = undefined
      interval ??= host.setInterval(step, HIDDEN_INTERVAL_MS)
    } else {
      if (interval !== undefined) host.clearInterval(interval)
      interval = undefined
      raf ??= host.requestAnimationFrame(onRaf)
    }
  }
  const off = host.onVisibilityChange(schedule)
  schedule()
  return () => {
    stopped = true
    off()
    if (raf !== undefined) host.cancelAnimationFrame(raf)
    if (interval !== undefined) host.clearInterval(interval)
  }
}

/** The page's own timers and visibility. */
export function windowLoopHost(): LoopHost {
  return {
    now: () => performance.now(),
    requestAnimationFrame: (cb) => window.requestAnimationFrame(cb),
    cancelAnimationFrame: (id) => window.cancelAnimationFrame(id),
    setInterval: (cb, ms) => window.setInterval(cb, ms),
    clearInterval: (id) => window.clearInterval(id),
    hidden: () => document.visibilityState === 'hidden',
    onVisibilityChange(cb) {
      document.addEventListener('visibilitychange', cb)
      return () => document.removeEventListener('visibilitychange', cb)
    },
    reportError: (e) => console.error('Ordinal: a frame of the simulation failed', e),
  }
}
