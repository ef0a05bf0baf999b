// klog's text header for the lines kubectl logs rather than prints (`E0303 09:00:12.000000    4321
// portforward.go:424] ...`): severity, month and day, wall-clock time with microseconds, a process id
// right-aligned in 7 columns, the source line. The clock is the simulation's (UTC); the pid is made up
// but steady within a second, as mutate/klog.ts does for warnings.

import { toCivil } from '../../../core/time'
import type { Invocation } from '../../command'

const pad = (n: number, w: number) => String(n).padStart(w, '0')

export function klogLine(inv: Invocation, severity: 'E' | 'W' | 'I', source: string, message: string): string {
  const now = inv.now()
  const c = toCivil(now)
  const micros = pad(Math.floor(now % 1000) * 1000, 6)
  const pid = String(4000 + (Math.floor(now / 1000) % 3000)).padStart(7, ' ')
  return `${severity}${pad(c.month, 2)}${pad(c.day, 2)} ${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}.${micros} ${pid} ${source}] ${message}\n`
}
