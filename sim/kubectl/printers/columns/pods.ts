// The pods table as the API server prints it (kubernetes pkg/printers/internalversion/printers.go
// printPod): READY counts ready containers (restartable init containers count too), STATUS is the
// phase or reason overridden by init/container states, then Terminating/Unknown for deleted pods;
// RESTARTS shows `N (Xs ago)` once a container has a last termination.

import type { Container, ContainerStatus, Obj } from '../../../api/types'
import { parseRfc3339 } from '../../../core/time'
import { humanDuration, timestampSince } from '../duration'
import type { Cell, Column } from '../table'

export const podColumns: Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
]

// node.NodeUnreachablePodReason: the reason the node lifecycle controller gives evicted pods of lost nodes.
const NODE_UNREACHABLE_REASON = 'NodeLost'

const isRestartable = (c: Container | undefined) => c?.restartPolicy === 'Always'

function lastTerminationMs(s: ContainerStatus): number | undefined {
  return parseRfc3339(s.lastState?.terminated?.finishedAt)
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a
  return a === undefined || b > a ? b : a
}

export function podRow(pod: Obj<'Pod'>, now: number): Cell[] {
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? {}
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = spec.containers?.length ?? 0
  let readyContainers = 0
  let lastRestart: number | undefined
  let lastRestartableInitRestart: number | undefined

  const phase = status.phase ?? ''
  let reason: string = status.reason || phase
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }

  const initContainers = new Map((spec.initContainers ?? []).map((c) => [c.name, c]))
  for (const c of spec.initContainers ?? []) if (isRestartable(c)) totalContainers++

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount ?? 0
    lastRestart = later(lastRestart, lastTerminationMs(c))
    const restartable = isRestartable(initContainers.get(c.name))
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0
      lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerminationMs(c))
    }
    const term = c.state?.terminated
    const wait = c.state?.waiting
    if (term && term.exitCode === 0) continue
    if (restartable && c.started) {
      if (c.ready) readyContainers++
      continue
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`
      else reason = `Init:${term.reason}`
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`
    } else {
      reason = `Init:${i}/${spec.initContainers?.length ?? 0}`
    }
    initializing = true
    break
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initialized) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]
      restarts += c.restartCount ?? 0
      lastRestart = later(lastRestart, lastTerminationMs(c))
      const term = c.state?.terminated
      const wait = c.state?.waiting
      if (wait?.reason) reason = wait.reason
      else if (term?.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // A pod whose last container completed while another still runs is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      reason = ready ? 'Running' : 'NotReady'
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_REASON) reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'

  const restartsCell = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts)

  let readinessGates = '<none>'
  const gates = spec.readinessGates ?? []
  if (gates.length > 0) {
    let trueConditions = 0
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType)
      if (c?.status === 'True') trueConditions++
    }
    readinessGates = `${trueConditions}/${gates.length}`
  }
  return [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    timestampSince(pod.metadata.creationTimestamp, now),
    status.podIPs?.[0]?.ip || '<none>',
    spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates,
  ]
}
