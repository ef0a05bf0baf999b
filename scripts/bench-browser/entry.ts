// The simulator benchmark as a page runs it: built for the browser by scripts/bench-browser.ts and
// run in Chromium, on the page's main thread as the app runs the simulator. The same cases and the
// same reading as scripts/bench.ts (which see), through the same run function.

import { benchOrderedCase, benchRun, benchSeries, type SeriesFigures } from '../bench-run'

export interface BrowserFigures {
  ordered: SeriesFigures
  /** Two simulated hours of the settled 100-pod cluster: wall ms. */
  idleMs: number
  parallel: SeriesFigures
  /** usedJSHeapSize growth while holding one settled 1000-pod cluster (bytes), when the page can tell. */
  heldBytes?: number
}

interface ChromeMemory {
  usedJSHeapSize: number
}

function usedHeap(): number | undefined {
  ;(globalThis as { gc?: () => void }).gc?.()
  return (performance as unknown as { memory?: ChromeMemory }).memory?.usedJSHeapSize
}

function runAll(): BrowserFigures {
  const { ordered, idleMs } = benchOrderedCase()
  const parallel = benchSeries(1000, 'Parallel', 5, 3)
  const before = usedHeap()
  const held = benchRun(1000, 'Parallel')
  const after = usedHeap()
  if (before === undefined || after === undefined) return { ordered, idleMs, parallel }
  // `held` is read after the second measure so the cluster cannot be collected before it.
  const heldBytes = held.sim.api.allObjects().length > 0 ? after - before : undefined
  return { ordered, idleMs, parallel, heldBytes }
}

;(globalThis as { ordinalBench?: () => BrowserFigures }).ordinalBench = runAll
