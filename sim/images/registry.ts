// The image registry the kubelet pulls from: parse the reference as the kubelet does (InvalidImageName
// on failure), resolve it against the catalogue as containerd would, and either hand back the image
// (size, digest, behaviour) or containerd's own error text.
//
// PullResult.message: for ErrImagePull it is the error the kubelet wraps as `Failed to pull image
// "<image>": <message>` (and shows as the container's waiting message); for InvalidImageName it is
// the kubelet's whole message (`Failed to apply default image tag ...`), used as is.

import { buildBehavior, type BehaviorSpec } from './behaviors'
import { CATALOGUE, KNOWN_REGISTRIES, type Build, type Repository } from './catalogue'
import { derivedDigest } from './digests'
import { invalidImageNameMessage, parseNormalizedNamed, repositoryName } from './reference'
import type { ImageBehavior, ImageRef, ImageRegistry, KnownImage, PullResult } from './types'

export interface ImageRegistryOptions {
  /**
   * Refuse Docker manifest v2 schema 1 images (nginx-slim:0.7/0.8, tutum/dnsutils) as containerd ≥2.1
   * does. Off by default: the default cluster's nodes run containerd 1.7, which still pulls them.
   */
  rejectSchema1?: boolean
}

/**
 * containerd (CRI PullImage) errors as the kubelet prints them. The kubelet strips gRPC's
 * `rpc error: code = Unknown desc = ` (remote_image.go, k8s ≥1.28) but keeps other codes; an unknown
 * tag is errdefs.ErrNotFound, so it keeps `code = NotFound` (real v1.3x captures).
 */
export const pullErrors = {
  /** Docker Hub answers 401 insufficient_scope for a repository that does not exist. */
  accessDenied: (ref: string) =>
    `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  notFound: (ref: string) => `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
  /** containerd v2.1 client.Pull on a schema 1 manifest (errdefs.ErrNotImplemented → Unimplemented). */
  schema1: (ref: string) =>
    `rpc error: code = Unimplemented desc = failed to pull and unpack image "${ref}": not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.1, please rebuild the image as "application/vnd.docker.distribution.manifest.v2+json" or "application/vnd.oci.image.manifest.v1+json"`,
}

function buildFor(repo: Repository, ref: ImageRef): Build | undefined {
  if (ref.digest) {
    for (const t of Object.values(repo.tags)) if (typeof t !== 'string' && digestOf(t) === ref.digest) return t
    return undefined
  }
  let t = repo.tags[ref.tag ?? 'latest']
  for (let hops = 0; typeof t === 'string' && hops < 5; hops++) t = repo.tags[t]
  return typeof t === 'string' ? undefined : t
}

function digestOf(build: Build): string {
  return build.digest ?? derivedDigest(build.key)
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function createImageRegistry(options: ImageRegistryOptions = {}): ImageRegistry {
  const byName = new Map(CATALOGUE.map((r) => [r.name, r]))
  const behaviors = new Map<string, ImageBehavior>()
  const behavior = (spec: BehaviorSpec): ImageBehavior => {
    const key = JSON.stringify(spec)
    let b = behaviors.get(key)
    if (!b) behaviors.set(key, (b = buildBehavior(spec)))
    return b
  }

  /** A registry we do not know, holding a repository whose basename and tag we do: a private mirror. */
  const mirrorOf = (ref: ImageRef): Repository | undefined => {
    const name = basename(ref.path)
    return CATALOGUE.find((r) => basename(r.name) === name && buildFor(r, ref))
  }

  return {
    parse(image: string): ImageRef | undefined {
      const r = parseNormalizedNamed(image)
      return r.ok ? r.ref : undefined
    },

    pull(image: string): PullResult {
      const parsed = parseNormalizedNamed(image)
      if (!parsed.ok) return { ok: false, reason: 'InvalidImageName', message: invalidImageNameMessage(image, parsed.error) }
      const ref = parsed.ref
      const known = KNOWN_REGISTRIES.has(ref.domain)
      const repo = byName.get(repositoryName(ref)) ?? (known ? undefined : mirrorOf(ref))
      if (!repo) {
        const message = ref.domain === 'docker.io' ? pullErrors.accessDenied(ref.normalized) : pullErrors.notFound(ref.normalized)
        return { ok: false, reason: 'ErrImagePull', message }
      }
      const build = buildFor(repo, ref)
      if (!build) return { ok: false, reason: 'ErrImagePull', message: pullErrors.notFound(ref.normalized) }
      if (build.schema1 && options.rejectSchema1) return { ok: false, reason: 'ErrImagePull', message: pullErrors.schema1(ref.normalized) }
      const pulled: KnownImage = { ref, sizeBytes: build.sizeBytes, digest: digestOf(build), behavior: behavior(build.behavior) }
      return { ok: true, image: pulled }
    },
  }
}

/** The imageID the kubelet reports in containerStatuses: `<repository>@<digest>`. */
export function imageID(image: KnownImage): string {
  return `${repositoryName(image.ref)}@${image.digest}`
}
