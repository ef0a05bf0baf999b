// The terminal's "I take typing now": the terminal calls markTerminalReady() once its first prompt is
// drawn and its input attached. The time is kept on window for the start-up benchmark
// (scripts/bench-web.ts) and the e2e tests; start-up waits for it (whenTerminalReady) before it
// lets the simulator's code run, so that work does not hold up the first prompt. The first call wins.

declare global {
  interface Window {
    __ordinalReady?: number
  }
}

let resolveReady: (() => void) | undefined
const ready = new Promise<void>((resolve) => (resolveReady = resolve))

export function markTerminalReady(): void {
  resolveReady?.()
  if (typeof window === 'undefined' || window.__ordinalReady !== undefined) return
  window.__ordinalReady = performance.now()
}

/** Resolves when the terminal is ready, or after `fallbackMs` (a page without a terminal still starts). */
export function whenTerminalReady(fallbackMs: number): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))])
}
