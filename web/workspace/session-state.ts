// The saved session, as JSON with a schema version: the cluster (sim.exportState(): objects, volume
// data, clock, rng), the student's files, the kubeconfig, each terminal's history, the clock speed and
// what other parts store with it (lab progress). Reading it back checks the shape before anything is
// built from it, so a corrupt or outdated copy is reported and replaced instead of crashing the page.

import { SAVED_STATE_VERSION, type SavedState } from '../../sim'
import type { KubeconfigData } from '../../sim/kubectl/kubeconfig'
import type { Entry } from '../../sim/storage/memfs'
import type { Speed } from '../state/contract'

/** Bump when the layout below changes; older copies are then reported as outdated and replaced. */
export const SESSION_SCHEMA = 1

export interface SavedTerminal {
  id: string
  history: string[]
}

export interface SavedSession {
  schema: typeof SESSION_SCHEMA
  sim: SavedState
  fs: Record<string, Entry>
  kubeconfig: KubeconfigData
  terminals: SavedTerminal[]
  activeTerminal?: string
  speed: Speed
  extras: Record<string, unknown>
}

/** bash keeps HISTSIZE=500 lines in memory; the saved copy keeps as many. */
export const HISTORY_LIMIT = 500

export type SessionProblem = 'corrupt' | 'outdated'

export type ParsedSession = { ok: true; session: SavedSession } | { ok: false; problem: SessionProblem; detail: string }

const SPEEDS: readonly number[] = [0, 1, 2, 5, 10]

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function entryProblem(path: string, e: unknown): string | undefined {
  if (!path.startsWith('/')) return `file path ${JSON.stringify(path)} is not absolute`
  if (!isObject(e) || typeof e.mtime !== 'number') return `entry ${path} is malformed`
  if (e.type === 'dir') return undefined
  if (e.type === 'file' && typeof e.content === 'string') return undefined
  return `entry ${path} is neither a file nor a directory`
}

function simProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'no cluster state'
  if (typeof s.now !== 'number' || !Number.isFinite(s.now)) return 'the cluster clock is missing'
  if (typeof s.rng !== 'number' || typeof s.resourceVersion !== 'number') return 'the cluster counters are missing'
  if (!Array.isArray(s.objects) || !s.objects.every((o) => isObject(o) && typeof o.kind === 'string' && isObject(o.metadata))) return 'the cluster objects are malformed'
  if (!isObject(s.volumes) || !isObject(s.config)) return 'the volumes or the cluster configuration are missing'
  if (s.nodeOutages !== undefined && !Array.isArray(s.nodeOutages)) return 'the node outages are malformed'
  return undefined
}

function kubeconfigProblem(k: unknown): string | undefined {
  if (!isObject(k) || typeof k.currentContext !== 'string' || !isObject(k.contexts)) return 'the kubeconfig is malformed'
  for (const c of Object.values(k.contexts)) if (!isObject(c) || typeof c.cluster !== 'string' || typeof c.user !== 'string') return 'a kubeconfig context is malformed'
  return undefined
}

/** Reads a saved copy: what it is, or why it cannot be used. Never throws. */
export function parseSession(raw: string): ParsedSession {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch (e) {
    return { ok: false, problem: 'corrupt', detail: `not JSON: ${(e as Error).message}` }
  }
  if (!isObject(data)) return { ok: false, problem: 'corrupt', detail: 'not an object' }
  if (data.schema !== SESSION_SCHEMA) {
    return typeof data.schema === 'number'
      ? { ok: false, problem: 'outdated', detail: `schema ${data.schema}, this version reads ${SESSION_SCHEMA}` }
      : { ok: false, problem: 'corrupt', detail: 'no schema version' }
  }
  const sim = data.sim
  if (isObject(sim) && sim.version !== SAVED_STATE_VERSION) {
    return { ok: false, problem: 'outdated', detail: `cluster state version ${String(sim.version)}, this version reads ${SAVED_STATE_VERSION}` }
  }
  const problem =
    simProblem(sim) ??
    (isObject(data.fs) ? Object.entries(data.fs).map(([p, e]) => entryProblem(p, e)).find((x) => x) : 'no files') ??
    kubeconfigProblem(data.kubeconfig) ??
    (Array.isArray(data.terminals) && data.terminals.every((t) => isObject(t) && typeof t.id === 'string' && isStringArray(t.history))
      ? undefined
      : 'the terminals are malformed') ??
    (SPEEDS.includes(data.speed as number) ? undefined : 'the clock speed is malformed') ??
    (isObject(data.extras) ? undefined : 'the extras are malformed') ??
    (data.activeTerminal === undefined || typeof data.activeTerminal === 'string' ? undefined : 'the active terminal is malformed')
  if (problem) return { ok: false, problem: 'corrupt', detail: problem }
  return { ok: true, session: data as unknown as SavedSession }
}

export function serializeSession(s: SavedSession): string {
  return JSON.stringify(s)
}
