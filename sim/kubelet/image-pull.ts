// Images on the nodes: what each node has (Node.status.images, which the kubelet reports and we
// own), the pull policy decision (images/image_manager.go EnsureImageExists), and each node's serial
// puller (the kubelet default, serializeImagePulls: true): a pull waits for the one before it, which
// the Pulled event shows as "in 5.731s (8.204s including waiting)".

import type { ApiServer } from '../api/server'
import type { Node } from '../api/types'
import type { ImageRef, ImageRegistry, KnownImage, PullResult } from '../images/types'
import type { PullJob } from './model'
import { deepEqual } from '../core/json'

/**
 * A registry's answers, asked once per image reference: sim/images resolves a reference against its
 * fixed catalogue the same way every time (and the test registries too), while building the answer
 * is not free (parsing, the behaviour's cache key). Kept per registry object, so a registry swapped
 * in (tests) answers for itself; the answers are only read, never changed.
 */
const ANSWERS = new WeakMap<ImageRegistry, { parsed: Map<string, ImageRef | undefined>; pulled: Map<string, PullResult> }>()

function answers(registry: ImageRegistry) {
  let a = ANSWERS.get(registry)
  if (!a) ANSWERS.set(registry, (a = { parsed: new Map(), pulled: new Map() }))
  return a
}

/** registry.parse(image), once per registry and image. */
export function parseImage(registry: ImageRegistry, image: string): ImageRef | undefined {
  const { parsed } = answers(registry)
  if (parsed.has(image)) return parsed.get(image)
  const ref = registry.parse(image)
  parsed.set(image, ref)
  return ref
}

/** registry.pull(image), once per registry and image. */
export function pullImage(registry: ImageRegistry, image: string): PullResult {
  const { pulled } = answers(registry)
  let r = pulled.get(image)
  if (!r) pulled.set(image, (r = registry.pull(image)))
  return r
}

/** Node.status.images lists at most this many images, largest first (nodeStatusMaxImages). */
export const NODE_STATUS_MAX_IMAGES = 50

/** containerd's image id, as containerStatuses[].imageID shows it: `docker.io/library/nginx@sha256:...`. */
export function imageIdOf(img: KnownImage): string {
  return `${img.ref.domain}/${img.ref.path}@${img.digest}`
}

/** The names a node lists for an image: repo digest, then repo tag. */
export function nodeImageNames(img: KnownImage): string[] {
  const names = [imageIdOf(img)]
  if (img.ref.tag !== undefined || img.ref.digest === undefined) names.push(`${img.ref.domain}/${img.ref.path}:${img.ref.tag ?? 'latest'}`)
  return names
}

/** Is the image the spec names already on the node? (By tag, or by digest for a digest reference.) */
export function imagePresent(node: Node | undefined, ref: ImageRef): boolean {
  const want = ref.digest ? `${ref.domain}/${ref.path}@${ref.digest}` : ref.normalized
  return (node?.status?.images ?? []).some((i) => (i.names ?? []).includes(want))
}

/** The node's image list after pulling `img`. */
export function imagesWith(node: Node | undefined, img: KnownImage): { names: string[]; sizeBytes: number }[] {
  const names = nodeImageNames(img)
  const others = (node?.status?.images ?? [])
    .filter((i) => !(i.names ?? []).some((n) => names.includes(n)))
    .map((i) => ({ names: [...(i.names ?? [])], sizeBytes: i.sizeBytes ?? 0 }))
  return [...others, { names, sizeBytes: img.sizeBytes }].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, NODE_STATUS_MAX_IMAGES)
}

export function recordPulledImage(api: ApiServer, nodeName: string, img: KnownImage): void {
  const node = api.get('Node', '', nodeName)
  if (!node) return
  const images = imagesWith(node, img)
  // The image is listed already where it would go (every pull of an image the node has): a patch
  // would change nothing.
  if (deepEqual(images, node.status?.images ?? [])) return
  api.patch('Node', '', nodeName, 'merge', { status: { images } }, { actor: 'kubelet', subresource: 'status' })
}

/**
 * Each node's serial puller: a pull starts when the previous one ended. Memory only: after a restore
 * the kubelet starts the pulls of the pods still waiting again, as a restarted kubelet does.
 */
export class NodePullQueues {
  private busyUntil = new Map<string, number>()

  enqueue(node: string, image: string, requestedAt: number, durationMs: number, result: PullResult): PullJob {
    const startAt = Math.max(requestedAt, this.busyUntil.get(node) ?? 0)
    const endAt = startAt + durationMs
    this.busyUntil.set(node, endAt)
    return { image, requestedAt, startAt, endAt, result }
  }
}
