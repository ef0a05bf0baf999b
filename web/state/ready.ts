// The start-up benchmark's finish line (scripts/bench-web.ts): the terminal calls markTerminalReady()
// once its first prompt is drawn and it takes input. The time is kept on window for the benchmark and
// the e2e tests to read; the first call wins.

declare global {
  interface Window {
    __ordinalReady?: number
  }
}

export function markTerminalReady(): void {
  if (typeof window === 'undefined' || window.__ordinalReady !== undefined) return
  window.__ordinalReady = performance.now()
}
