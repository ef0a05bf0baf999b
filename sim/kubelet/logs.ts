// Container logs the way the kubelet keeps them on the node: one file per container start,
// /var/log/pods/<ns>_<pod>_<uid>/<container>/<restartCount>.log, each line in the CRI format
// `<time> stdout F <line>`. They live in the volume store (so a saved session keeps them) and go
// away with the pod. A process that writes the same lines over and over (ProcessPlan.repeatLog) is
// not written out tick by tick: its lines are produced when the log is read, by time.

import { parseRfc3339, rfc3339Micro } from '../core/time'
import type { VolumeStore } from '../storage/volume-store'
import type { ProcessPlan } from '../images/types'

export function logVolumeId(podUid: string): string {
  return `logs/${podUid}`
}

function logPath(container: string, restartCount: number): string {
  return `/${container}/${restartCount}.log`
}

export interface RepeatingOutput {
  startedAt: number
  everyMs: number
  lines: readonly string[]
  /** The process ended (or now): no lines after this. */
  until: number
}

export interface LogLine {
  at: number
  stream: 'stdout' | 'stderr'
  text: string
}

export function appendLog(volumes: VolumeStore, podUid: string, container: string, restartCount: number, at: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
  const fs = volumes.get(logVolumeId(podUid))
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n')
  const body = lines.map((l) => `${rfc3339Micro(at)} ${stream} F ${l}\n`).join('')
  fs.writeFile(logPath(container, restartCount), body, at, { append: true })
}

export function hasLog(volumes: VolumeStore, podUid: string, container: string, restartCount: number): boolean {
  return volumes.has(logVolumeId(podUid)) && volumes.get(logVolumeId(podUid)).exists(logPath(container, restartCount))
}

const CRI_LINE = /^(\S+) (stdout|stderr) [FP] (.*)$/

/** The lines of one container start, in time order, with a repeating writer's lines merged in. */
export function readLog(volumes: VolumeStore, podUid: string, container: string, restartCount: number, repeat?: RepeatingOutput): LogLine[] {
  const out: LogLine[] = []
  if (hasLog(volumes, podUid, container, restartCount)) {
    const text = volumes.get(logVolumeId(podUid)).readFile(logPath(container, restartCount))
    for (const raw of text.split('\n')) {
      if (!raw) continue
      const m = CRI_LINE.exec(raw)
      if (!m) continue
      out.push({ at: parseRfc3339(m[1]) ?? 0, stream: m[2] as 'stdout' | 'stderr', text: m[3] })
    }
  }
  if (repeat && repeat.everyMs > 0 && repeat.lines.length > 0) {
    const extra: LogLine[] = []
    for (let t = repeat.startedAt + repeat.everyMs; t <= repeat.until && extra.length < 100_000; t += repeat.everyMs) {
      for (const l of repeat.lines) extra.push({ at: t, stream: 'stdout', text: l })
    }
    // A stable merge: lines written at the same instant keep their order, file lines first.
    return mergeByTime(out, extra)
  }
  return out
}

/** Drops the logs of starts other than the current and the previous one (the kubelet keeps those two). */
export function pruneLogs(volumes: VolumeStore, podUid: string, container: string, keep: readonly number[]): void {
  if (!volumes.has(logVolumeId(podUid))) return
  const fs = volumes.get(logVolumeId(podUid))
  const dir = `/${container}`
  if (!fs.exists(dir)) return
  for (const name of fs.readdir(dir)) {
    const n = Number(name.replace(/\.log$/, ''))
    if (!keep.includes(n)) fs.remove(`${dir}/${name}`)
  }
}

/** `kubectl logs` text: one line per entry, with `--timestamps` the RFC3339Nano time first. */
export function formatLog(lines: readonly LogLine[], timestamps: boolean): string {
  return lines.map((l) => (timestamps ? `${rfc3339Micro(l.at).replace(/Z$/, '000Z')} ${l.text}\n` : `${l.text}\n`)).join('')
}

/** The log of one container start, with its repeating output up to now (or its end). */
export function containerLogText(
  volumes: VolumeStore,
  c: {
    podUid: string
    name: string
    restartCount: number
    startedAt?: number
    finishedAt?: number
    plan?: Pick<ProcessPlan, 'repeatLog' | 'laterLog'>
  },
  now: number,
  timestamps: boolean,
): string {
  const r = c.plan?.repeatLog
  const until = c.finishedAt ?? now
  const repeat = r && c.startedAt !== undefined ? { startedAt: c.startedAt, everyMs: r.everyMs, lines: r.lines, until } : undefined
  const lines = readLog(volumes, c.podUid, c.name, c.restartCount, repeat)
  const later = c.plan?.laterLog
  if (!later || c.startedAt === undefined) return formatLog(lines, timestamps)
  // The process's later writes, those due by now (or by its end): after what was written before them.
  const due: LogLine[] = []
  for (const l of later) if (c.startedAt + l.afterMs <= until) for (const text of l.lines) due.push({ at: c.startedAt + l.afterMs, stream: 'stdout', text })
  return formatLog(mergeByTime(lines, due), timestamps)
}

/** A stable merge of two time-ordered lists: lines of the same instant keep their order, `a`'s first. */
function mergeByTime(a: readonly LogLine[], b: readonly LogLine[]): LogLine[] {
  const merged: LogLine[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].at <= b[j].at)) merged.push(a[i++])
    else merged.push(b[j++])
  }
  return merged
}
