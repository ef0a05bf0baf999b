// describe pod (describe.go PodDescriber + describePod, kubectl 1.33). Events are searched by the
// pod's name, namespace and uid, without its kind (the pod describer clears it).

import type { Pod } from 'kubernetes-types/core/v1'
import { controllerOf } from '../../api/owners'
import { timestampSince } from '../printers/duration'
import { describeContainers, describeResources, podEnvResolver } from './containers'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor } from './events'
import { formatTime, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format'
import { computePodQOS } from './qos'
import { describeTopologySpreadConstraints } from './topology'
import { describeVolumes } from './volumes'
import { type DescribeWriter, LEVEL_0, LEVEL_1, tabbed } from './writer'

export function describePodByName(ctx: DescribeContext, namespace: string, name: string): string {
  const pod = ctx.api.read('Pod', namespace, name) as unknown as Pod
  return describePod(pod, eventsFor(ctx, pod as never, { omitKind: true }), ctx.now)
}

/** printController: `Kind/name` of the controlling owner, '' when there is none. */
export function controlledBy(obj: { metadata?: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } }): string {
  const ref = controllerOf(obj as never)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

export function describePod(pod: Pod, events: Parameters<typeof describeEvents>[0] | undefined, now: number): string {
  return tabbed((w) => {
    const meta = pod.metadata ?? {}
    const spec = pod.spec ?? { containers: [] }
    const status = pod.status ?? {}
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime as unknown as string)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp as unknown as string, now)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    const seccomp = spec.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    describePodIPs(pod, w)
    const ctl = controlledBy(pod as never)
    if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    const podResources = (spec as { resources?: Parameters<typeof describeResources>[0] }).resources
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n')
      describeResources(podResources, w, LEVEL_1)
    }
    const resolve = podEnvResolver(pod)
    if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '')
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '')
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers as never, status.ephemeralContainerStatuses, resolve, w, '')
    }
    readinessGates(pod, w)
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec.volumes, w, '')
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computePodQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '')
    if (events) describeEvents(events, w, now)
  })
}

function describePodIPs(pod: Pod, w: DescribeWriter): void {
  const ips = pod.status?.podIPs ?? []
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'IPs:\n')
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
}

function readinessGates(pod: Pod, w: DescribeWriter): void {
  const gates = pod.spec?.readinessGates ?? []
  if (gates.length === 0) return
  w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType)
    w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
  }
}
