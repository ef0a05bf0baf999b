import { describe, expect, it } from 'vitest'
import { CATALOGUE } from './catalogue'
import { fakeContainer } from './fake-env'
import { createImageRegistry, imageID } from './registry'

const registry = createImageRegistry()

function pulled(image: string) {
  const r = registry.pull(image)
  if (!r.ok) throw new Error(r.message)
  return r.image
}

describe('pull of known images', () => {
  it('normalizes nginx to docker.io/library/nginx:latest and knows its size', () => {
    const img = pulled('nginx')
    expect(img.ref.normalized).toBe('docker.io/library/nginx:latest')
    expect(img.behavior.id).toBe('nginx')
    expect(img.sizeBytes).toBe(72406859)
    expect(img.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('gives nginx-slim:0.24 the size and image ID of the reference world', () => {
    const img = pulled('registry.k8s.io/nginx-slim:0.24')
    // web-world.json / kubectl-output.md §10: "Image size: 8132187 bytes." and its Image ID.
    expect(img.sizeBytes).toBe(8132187)
    expect(imageID(img)).toBe('registry.k8s.io/nginx-slim@sha256:a5127e4a3e8b9c1d2f0e6b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f70819')
  })

  it('resolves aliases to the same image and other tags to others', () => {
    expect(pulled('nginx:1.27').digest).toBe(pulled('nginx:latest').digest)
    expect(pulled('nginx:mainline').digest).toBe(pulled('docker.io/library/nginx:1.27.5').digest)
    expect(pulled('nginx:stable').digest).not.toBe(pulled('nginx:latest').digest)
  })

  it('serves the old tutorial images from k8s.gcr.io and gcr.io/google_containers', () => {
    expect(pulled('k8s.gcr.io/nginx-slim:0.8').digest).toBe(pulled('registry.k8s.io/nginx-slim:0.8').digest)
    expect(pulled('gcr.io/google_containers/nginx-slim:0.8').behavior.id).toBe('nginx-slim')
    expect(pulled('gcr.io/google_containers/nginx-slim:0.7').behavior.id).toBe('nginx-slim')
  })

  it('pulls by digest', () => {
    const digest = pulled('busybox:1.28').digest
    expect(pulled(`busybox@${digest}`).behavior.id).toBe('busybox')
  })

  it('treats an unknown registry with a known repository name and tag as a mirror (seed 004)', () => {
    const img = pulled('art.sinovatio.com/public-docker/nginx:alpine')
    expect(img.behavior.id).toBe('nginx')
    expect(img.ref.domain).toBe('art.sinovatio.com')
    expect(img.digest).toBe(pulled('nginx:alpine').digest)
    expect(imageID(img)).toBe(`art.sinovatio.com/public-docker/nginx@${img.digest}`)
  })

  it('knows the seeds images', () => {
    expect(pulled('luksa/kubia-pet').behavior.id).toBe('kubia-pet')
    expect(pulled('gcr.io/google_samples/k8szk:v1').behavior.id).toBe('zookeeper')
    expect(pulled('registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10').behavior.id).toBe('zookeeper')
    expect(pulled('busybox:1.28').behavior.id).toBe('busybox')
    expect(pulled('registry.k8s.io/coredns/coredns:v1.12.0').behavior.id).toBe('coredns')
    expect(pulled('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3').behavior.id).toBe('dnsutils')
  })
})

describe('pull failures', () => {
  it('rejects an uppercase name with the kubelet InvalidImageName message', () => {
    expect(registry.pull('Nginx')).toEqual({
      ok: false,
      reason: 'InvalidImageName',
      message: 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    })
  })

  it('answers an unknown Docker Hub repository with pull access denied', () => {
    // Real kubelet/containerd capture (pfnet/image-pull-secrets-provisioner#31), without the
    // `rpc error: code = Unknown desc = ` the kubelet strips since 1.28.
    expect(registry.pull('ngnix')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    })
  })

  it('answers an unknown tag with not found, keeping the NotFound code', () => {
    // Real capture shape: `rpc error: code = NotFound desc = failed to pull and unpack image "X": failed to resolve reference "X": X: not found`.
    expect(registry.pull('nginx:1.99')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    })
  })

  it('answers unknown repositories on other registries and mirrors with not found', () => {
    expect(registry.pull('registry.k8s.io/nginx-slimm:0.24')).toMatchObject({ reason: 'ErrImagePull', message: expect.stringContaining('registry.k8s.io/nginx-slimm:0.24: not found') })
    expect(registry.pull('art.sinovatio.com/public-docker/unknown:1')).toMatchObject({ reason: 'ErrImagePull', message: expect.stringContaining(': not found') })
  })

  it('refuses schema 1 images when told to behave like containerd 2.1', () => {
    const strict = createImageRegistry({ rejectSchema1: true })
    expect(strict.pull('k8s.gcr.io/nginx-slim:0.8')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'rpc error: code = Unimplemented desc = failed to pull and unpack image "k8s.gcr.io/nginx-slim:0.8": not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.1, please rebuild the image as "application/vnd.docker.distribution.manifest.v2+json" or "application/vnd.oci.image.manifest.v1+json"',
    })
    expect(strict.pull('registry.k8s.io/nginx-slim:0.24').ok).toBe(true)
  })
})

describe('every catalogue image', () => {
  const refs = CATALOGUE.flatMap((r) => Object.keys(r.tags).map((t) => `${r.name}:${t}`))

  it.each(refs)('%s starts with its default command', (ref) => {
    const img = pulled(ref)
    const c = fakeContainer(img.behavior, { env: { MYSQL_ROOT_PASSWORD: 'x', POSTGRES_PASSWORD: 'x', ZK_ENSEMBLE: 'web-0' } })
    const plan = img.behavior.plan({}, c.env)
    expect(plan.startError).toBeUndefined()
  })
})
