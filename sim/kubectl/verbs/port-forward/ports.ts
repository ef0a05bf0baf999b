// How port-forward reads its port arguments (kubectl pkg/cmd/portforward/portforward.go and
// pkg/util/service_port.go, pod_port.go): `[LOCAL:]REMOTE`, a named remote port looked up in the pod's
// containers, and for a Service the service port translated to the pod's target port.

import type { Obj } from '../../../api/types'
import { KubectlError } from '../../errors'

export function splitPort(port: string): { local: string; remote: string } {
  const parts = port.split(':')
  return parts.length === 2 ? { local: parts[0], remote: parts[1] } : { local: parts[0], remote: parts[0] }
}

/** util.LookupContainerPortNumberByName. */
function containerPortByName(pod: Obj<'Pod'>, name: string): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort
  throw new KubectlError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`)
}

/** convertPodNamedPortToNumber. */
export function podPorts(ports: readonly string[], pod: Obj<'Pod'>): string[] {
  return ports.map((port) => {
    const { local, remote } = splitPort(port)
    if (remote === '') throw new KubectlError('remote port cannot be empty')
    const number = /^\d+$/.test(remote) ? remote : String(containerPortByName(pod, remote))
    return local !== remote ? `${local}:${number}` : number
  })
}

/** translateServicePortToTargetPort: a service port (number or name) to the container port behind it. */
export function servicePorts(ports: readonly string[], svc: Obj<'Service'>, pod: Obj<'Pod'>): string[] {
  const name = svc.metadata.name ?? ''
  return ports.map((port) => {
    let { local, remote } = splitPort(port)
    let portnum: number
    if (/^\d+$/.test(remote)) portnum = Number(remote)
    else {
      const sp = (svc.spec?.ports ?? []).find((p) => p.name === remote)
      if (!sp) throw new KubectlError(`Service '${name}' does not have a named port '${remote}'`)
      portnum = sp.port
      if (local === remote) local = String(portnum)
    }
    const sp = (svc.spec?.ports ?? []).find((p) => p.port === portnum)
    if (!sp) throw new KubectlError(`Service ${name} does not have a service port ${portnum}`)
    const target = sp.targetPort
    const container = target === undefined || target === 0 ? sp.port : typeof target === 'number' ? target : containerPortByName(pod, target)
    remote = String(container)
    return local !== remote ? `${local}:${remote}` : remote
  })
}
