// `kubectl logs` as the API server and the kubelet answer it: the pod's status says which container
// start to read (current, or --previous) or why there is nothing to read yet. Texts from upstream
// pkg/registry/core/pod/strategy.go (LogLocation) and kubelet_pods.go (validateContainerLogStatus);
// kubectl adds its "Error from server (BadRequest): " in front.

import type { ApiServer } from '../api/server'
import type { ContainerStatus } from '../api/types'
import type { ContainerRuntime } from './runtime'

export type LogAnswer = { ok: true; text: string } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string }

export interface LogOptions {
  previous?: boolean
  timestamps?: boolean
}

export function podLogs(api: ApiServer, runtime: ContainerRuntime, namespace: string, name: string, container: string | undefined, opts: LogOptions = {}): LogAnswer {
  const pod = api.get('Pod', namespace, name)
  if (!pod) return { ok: false, reason: 'NotFound', message: `pods "${name}" not found` }
  const spec = pod.spec
  const all = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]
  let c = container
  if (!c) {
    if ((spec?.containers?.length ?? 0) === 1) c = spec!.containers[0].name
    else {
      const names = (spec?.containers ?? []).map((x) => x.name).join(' ')
      const inits = (spec?.initContainers ?? []).map((x) => x.name).join(' ')
      let message = `a container name must be specified for pod ${name}, choose one of: [${names}]`
      if (inits) message += ` or one of the init containers: [${inits}]`
      return { ok: false, reason: 'BadRequest', message }
    }
  }
  if (!all.some((x) => x.name === c)) return { ok: false, reason: 'BadRequest', message: `container ${c} is not valid for pod ${name}` }
  const statuses: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
  const cs = statuses.find((x) => x.name === c)
  const bad = (message: string): LogAnswer => ({ ok: false, reason: 'BadRequest', message })
  if (!cs) return bad(`container "${c}" in pod "${name}" is waiting to start: ContainerCreating`)
  const uid = pod.metadata.uid ?? ''
  const read = (restartCount: number) => runtime.logOf(uid, c!, restartCount, opts.timestamps)
  if (opts.previous) {
    if (!cs.lastState?.terminated?.containerID) return bad(`previous terminated container "${c}" in pod "${name}" not found`)
    return { ok: true, text: read(Math.max(0, cs.restartCount - (cs.state?.running || cs.state?.terminated ? 1 : 0))) ?? '' }
  }
  if (cs.state?.running || cs.state?.terminated?.containerID) return { ok: true, text: read(cs.restartCount) ?? '' }
  if (cs.lastState?.terminated?.containerID) return { ok: true, text: read(cs.restartCount) ?? '' }
  const waiting = cs.state?.waiting?.reason
  if (waiting === 'ErrImagePull') return bad(`container "${c}" in pod "${name}" is waiting to start: image can't be pulled`)
  if (waiting === 'ImagePullBackOff') return bad(`container "${c}" in pod "${name}" is waiting to start: trying and failing to pull image`)
  if (waiting) return bad(`container "${c}" in pod "${name}" is waiting to start: ${waiting}`)
  return bad(`container "${c}" in pod "${name}" is waiting to start - no logs yet`)
}
