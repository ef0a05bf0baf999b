// A running container as the in-container programs see it: which pod and image it belongs to, its
// runtime record (files, environment, image behaviour), and the environment a process started in it
// by `kubectl exec` gets — the image's ENV, the pod's env (resolved by the kubelet), HOSTNAME, HOME,
// and TERM=xterm when a terminal is attached.

import type { KnownImage } from '../images/types'
import type { RuntimeContainer, RuntimeResult } from '../kubelet/runtime'
import type { Simulation } from '../simulation'

export interface ContainerHandle {
  sim: Simulation
  namespace: string
  pod: string
  container: string
  /** The image as the pod spec names it (`busybox:1.28`): it picks the DNS tools' flavour. */
  image: string
  rc: RuntimeContainer
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** The running container `kubectl exec` would reach (the runtime's lookup, with its failure reasons). */
export function findContainer(sim: Simulation, namespace: string, pod: string, container: string): RuntimeResult<ContainerHandle> {
  const r = sim.runtime.find(namespace, pod, container)
  if (!r.ok) return r
  const spec = sim.api.get('Pod', namespace, pod)?.spec
  const image = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((c) => c.name === container)?.image ?? r.value.image.ref.raw
  return { ok: true, value: { sim, namespace, pod, container, image, rc: r.value } }
}

export function knownImage(h: ContainerHandle): KnownImage {
  return h.rc.image
}

/** The environment of a process exec'd into the container. */
export function processEnv(h: ContainerHandle, tty: boolean): Record<string, string> {
  const env = h.sim.runtime.env(h.rc, { quiet: true })
  const imageEnv = h.rc.image.behavior.env()
  return {
    PATH: DEFAULT_PATH,
    HOSTNAME: env.hostname,
    ...imageEnv,
    ...(tty ? { TERM: 'xterm' } : {}),
    ...h.rc.envVars,
    HOME: h.rc.envVars.HOME ?? imageEnv.HOME ?? '/root',
  }
}

/** Where exec'd processes start: the container's workingDir, else the image's root. */
export function workingDir(h: ContainerHandle): string {
  return h.rc.spec.workingDir || '/'
}

/** The pod's hostname (the prompt's `\h`). */
export function podHostname(h: ContainerHandle): string {
  return h.sim.runtime.env(h.rc, { quiet: true }).hostname || h.pod
}
