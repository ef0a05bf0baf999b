// `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]` and `-l SELECTOR` (kubectl
// pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go): the pod (a workload's best one to read,
// "Found 3 pods, using pod/web-0"), the container (defaulted with a note), the API server's and
// kubelet's answers (sim/kubelet/log-access.ts: "waiting to start: ContainerCreating", "previous
// terminated container ... not found"), then --tail, --since, --limit-bytes, --timestamps, --prefix,
// and -f following the log through virtual time until the container stops or Ctrl-C.

import { ApiError, notFound } from '../../api/errors'
import type { Obj } from '../../api/types'
import { parseRfc3339 } from '../../core/time'
import { podLogs } from '../../kubelet/log-access'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError, UsageError } from '../errors'
import { parseLabelSelector } from '../selectors'
import { allContainerNames, findPod, resourceName, selectorFor } from './attach/pod-target'
import { sortPods } from './attach/pod-sort'
import { POD_RUNNING_TIMEOUT } from './attach/streams'

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

interface LogRequest {
  pod: Obj<'Pod'>
  container: string
}

interface LogOptions {
  previous: boolean
  timestamps: boolean
  tail: number | undefined
  sinceMs: number | undefined
  limitBytes: number
  prefix: boolean
}

/** logsForObject for one pod: the default container (annotation, else the first) or all of them. */
function requestsForPod(inv: Invocation, pod: Obj<'Pod'>, container: string, all: boolean, quietDefault: boolean): LogRequest[] {
  const spec = pod.spec
  const every = [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])]
  if (all) return every.map((c) => ({ pod, container: c.name }))
  let name = container
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (!name && annotated) {
    if (every.some((c) => c.name === annotated)) name = annotated
    else inv.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`)
  }
  if (!name) {
    name = spec?.containers?.[0]?.name ?? ''
    const many = (spec?.containers?.length ?? 0) > 1 || (spec?.initContainers?.length ?? 0) > 0 || (spec?.ephemeralContainers?.length ?? 0) > 0
    if (many && !quietDefault) inv.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`)
  }
  if (!every.some((c) => c.name === name)) throw new KubectlError(`container ${name} is not valid for pod ${pod.metadata.name}`)
  return [{ pod, container: name }]
}

/** The log text the API server returns for one request, with the options applied. */
function fetch(inv: Invocation, r: LogRequest, o: LogOptions): string {
  const ns = r.pod.metadata.namespace ?? ''
  const name = r.pod.metadata.name ?? ''
  const a = podLogs(inv.api, inv.ctx.sim.runtime, ns, name, r.container, { previous: o.previous, timestamps: true })
  if (!a.ok) throw a.reason === 'NotFound' ? notFound('Pod', name) : new ApiError('BadRequest', a.message)
  let lines = a.text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  if (o.sinceMs !== undefined) {
    const from = inv.now() - o.sinceMs
    lines = lines.filter((l) => (parseRfc3339(l.slice(0, l.indexOf(' '))) ?? 0) >= from)
  }
  if (o.tail !== undefined && o.tail >= 0) lines = lines.slice(Math.max(0, lines.length - o.tail))
  if (!o.timestamps) lines = lines.map((l) => l.slice(l.indexOf(' ') + 1))
  const prefix = o.prefix ? `[pod/${name}/${r.container}] ` : ''
  let text = lines.map((l) => `${prefix}${l}\n`).join('')
  if (o.limitBytes > 0) text = text.slice(0, o.limitBytes)
  return text
}

/** -f: prints what the log gains until the container stops running or the command is cancelled. */
async function follow(inv: Invocation, r: LogRequest, o: LogOptions): Promise<void> {
  const rt = inv.ctx.sim.runtime
  const uid = r.pod.metadata.uid ?? ''
  const start = rt.container(uid, r.container)
  const stopped = () => !start || rt.container(uid, r.container) !== start || start.phase !== 'running'
  const full = () => {
    try {
      return fetch(inv, r, { ...o, tail: undefined, limitBytes: 0 })
    } catch {
      return undefined
    }
  }
  let seen = full()?.length ?? 0
  for (;;) {
    if (inv.ctx.cancel.cancelled || stopped()) return
    const moved = await inv.ctx.time.until(() => stopped() || (full()?.length ?? 0) > seen, undefined, inv.ctx.cancel)
    const text = full() ?? ''
    if (text.length > seen) inv.out(text.slice(seen))
    seen = Math.max(seen, text.length)
    if (!moved) return
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const args = inv.args
  const selector = f.string('selector')
  let container = f.string('container')
  let resource = ''
  if (args.length === 0 && !selector) throw new UsageError(inv.commandPath, USAGE)
  if (args.length === 1) {
    resource = args[0]
    if (selector) throw new UsageError(inv.commandPath, 'only a selector (-l) or a POD name is allowed')
  } else if (args.length === 2) {
    resource = args[0]
    container = args[1]
  } else if (args.length > 2) throw new UsageError(inv.commandPath, USAGE)
  const prefix = f.bool('prefix') || f.bool('all-pods')
  const timeoutMs = f.duration('pod-running-timeout')
  if (timeoutMs <= 0) throw new KubectlError('--pod-running-timeout must be higher than zero')
  const tailSpecified = f.changed('tail')
  const tail = f.int('tail')
  const since = f.duration('since')
  const sinceTime = f.string('since-time')
  let sinceMs = since !== 0 ? Math.round(since / 1000) * 1000 : undefined
  if (sinceTime) {
    const t = parseRfc3339(sinceTime)
    if (t === undefined) throw new KubectlError(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`)
    sinceMs = inv.now() - t
  }
  const o: LogOptions = { previous: f.bool('previous'), timestamps: f.bool('timestamps'), tail: selector && tail === -1 && !tailSpecified ? 10 : tail === -1 ? undefined : tail, sinceMs, limitBytes: f.int('limit-bytes'), prefix }
  const ns = inv.namespace().namespace

  // Complete: the builder fetches the named object (or lists the selector) before Validate runs.
  let pods: Obj<'Pod'>[] = []
  if (selector) {
    pods = inv.api.list('Pod', { namespace: ns, selector: parseLabelSelector(selector) })
    if (pods.length === 0) inv.err(`No resources found in ${ns} namespace.\n`)
  } else {
    const { kind, name } = resourceName(resource)
    try {
      inv.api.read(kind, ns, name)
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NotFound') throw new KubectlError(`error from server (NotFound): ${e.message} in namespace "${ns}"`)
      throw e
    }
  }
  // Validate.
  if (sinceTime && since !== 0) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (f.bool('all-containers') && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`)
  if (f.changed('container') && args.length === 2) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed')
  if (o.limitBytes < 0) throw new KubectlError('--limit-bytes must be greater than 0')
  if (since < 0) throw new KubectlError('--since must be greater than 0')
  if (tail < -1) throw new KubectlError('--tail must be greater than or equal to -1')


  // RunLogs: LogsForObject picks the pods and containers.
  let requests: LogRequest[] = []
  if (selector) {
    for (const p of pods) requests.push(...requestsForPod(inv, p, container, f.bool('all-containers'), false))
  } else {
    const target = await findPod(inv, resource, { timeoutMs, order: 'logging', verb: 'logs' })
    if (target.kind !== 'Pod' && f.bool('all-pods')) {
      // AllPodLogsForObject: every pod of the selector, in ByLogging order, each line prefixed.
      const all = sortPods(inv.api.list('Pod', { namespace: target.object.metadata.namespace ?? ns, selector: selectorFor(target.object, target.kind) }), 'logging')
      for (const p of all) requests.push(...requestsForPod(inv, p, container, f.bool('all-containers'), true))
    } else {
      if (target.kind !== 'Pod' && target.count > 1) inv.err(`Found ${target.count} pods, using pod/${target.pod.metadata.name}\n`)
      requests = requestsForPod(inv, target.pod, container, f.bool('all-containers'), false)
    }
  }
  const maxFollow = f.int('max-log-requests')
  if (f.bool('follow') && requests.length > 1 && requests.length > maxFollow) {
    throw new KubectlError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit`)
  }
  for (const r of requests) {
    try {
      const text = fetch(inv, r, o)
      inv.out(text)
      if (f.bool('follow') && requests.length === 1) await follow(inv, r, o)
    } catch (e) {
      if (!f.bool('ignore-errors')) throw e
      inv.out(`error: ${(e as Error).message}\n`)
    }
  }
  return 0
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'all-containers', type: 'bool' },
    { name: 'all-pods', type: 'bool' },
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'follow', shorthand: 'f', type: 'bool' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'limit-bytes', type: 'int64', default: '0' },
    { name: 'max-log-requests', type: 'int', default: '5' },
    POD_RUNNING_TIMEOUT('20s'),
    { name: 'prefix', type: 'bool' },
    { name: 'previous', shorthand: 'p', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'since', type: 'duration', default: '0s' },
    { name: 'since-time', type: 'string' },
    { name: 'tail', type: 'int64', default: '-1' },
    { name: 'timestamps', type: 'bool' },
  ],
  run,
}
