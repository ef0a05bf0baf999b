// klog's text header, for the few notes kubectl logs as warnings rather than printing
// (`W1122 05:25:05.824972    6458 helpers.go:703] --dry-run is deprecated ...`): severity, month and
// day, wall-clock time with microseconds, the process id right-aligned in 7 columns, the source line.
// The clock is the simulation's (UTC); the process id is made up but steady within a second.

import { toCivil } from '../../core/time'
import type { Invocation } from '../command'

const pad = (n: number, w: number) => String(n).padStart(w, '0')

export function klogWarning(inv: Invocation, source: string, message: string): string {
  const now = inv.now()
  const c = toCivil(now)
  const micros = pad(Math.floor(now % 1000) * 1000, 6)
  const pid = String(4000 + (Math.floor(now / 1000) % 3000)).padStart(7, ' ')
  return `W${pad(c.month, 2)}${pad(c.day, 2)} ${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}.${micros} ${pid} ${source}] ${message}\n`
}
