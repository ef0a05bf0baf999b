// Back-off as the kubelet keeps it (client-go util/flowcontrol.Backoff, no jitter): one entry per
// key, 10s doubling to a 5 minute cap, forgotten when nothing happened for twice the cap. Used for
// restarting crashed containers (kuberuntime_manager.go doBackOff) and for image pulls
// (images/image_manager.go). Pure functions over plain data.

export interface BackoffEntry {
  backoffMs: number
  /** When Next() last moved this entry (the kubelet's clock, not the event's time). */
  lastUpdate: number
}

export interface BackoffPolicy {
  initialMs: number
  maxMs: number
}

/** kubelet.go: backOffPeriod 10s, MaxContainerBackOff 300s (both for containers and for image pulls). */
export const KUBELET_BACKOFF: BackoffPolicy = { initialMs: 10_000, maxMs: 300_000 }

function hasExpired(eventTime: number, lastUpdate: number, policy: BackoffPolicy): boolean {
  return eventTime - lastUpdate > policy.maxMs * 2
}

/** IsInBackOffSince: still waiting, counting from `eventTime` (a container's finishedAt). */
export function isInBackOffSince(entry: BackoffEntry | undefined, eventTime: number, now: number, policy = KUBELET_BACKOFF): boolean {
  if (!entry) return false
  if (hasExpired(eventTime, entry.lastUpdate, policy)) return false
  return now - eventTime < entry.backoffMs
}

/** IsInBackOffSinceUpdate: still waiting, counting from the last Next() (image pulls). */
export function isInBackOffSinceUpdate(entry: BackoffEntry | undefined, now: number, policy = KUBELET_BACKOFF): boolean {
  if (!entry) return false
  if (hasExpired(now, entry.lastUpdate, policy)) return false
  return now - entry.lastUpdate < entry.backoffMs
}

/** Next: start at the initial delay (or again after expiry), else double up to the cap. */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number, policy = KUBELET_BACKOFF): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.lastUpdate, policy)) return { backoffMs: policy.initialMs, lastUpdate: now }
  return { backoffMs: Math.min(entry.backoffMs * 2, policy.maxMs), lastUpdate: now }
}

/** Reads the delay back out of a CrashLoopBackOff message (`back-off 40s restarting ...`), for a restored session. */
export function backoffFromMessage(message: string | undefined): number | undefined {
  const m = /^back-off (\S+) restarting/.exec(message ?? '')
  if (!m) return undefined
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g
  let total = 0
  let any = false
  for (let part = re.exec(m[1]); part; part = re.exec(m[1])) {
    any = true
    const n = Number(part[1])
    total += part[2] === 'h' ? n * 3_600_000 : part[2] === 'm' ? n * 60_000 : part[2] === 's' ? n * 1000 : n
  }
  return any ? Math.round(total) : undefined
}
