import { describe, expect, it } from 'vitest'
import { invalidImageNameMessage, parseNormalizedNamed } from './reference'

// Expected values follow distribution/reference's normalize_test.go / reference_test.go behaviour and
// containerd's ParseDockerRef (a digest wins over a tag, no tag means :latest).
describe('parseNormalizedNamed', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, 'docker.io/library/nginx:latest'],
    ['busybox:1.28', 'docker.io', 'library/busybox', '1.28', 'docker.io/library/busybox:1.28'],
    ['luksa/kubia-pet', 'docker.io', 'luksa/kubia-pet', undefined, 'docker.io/luksa/kubia-pet:latest'],
    ['docker.io/nginx', 'docker.io', 'library/nginx', undefined, 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx:alpine', 'docker.io', 'library/nginx', 'alpine', 'docker.io/library/nginx:alpine'],
    ['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io', 'nginx-slim', '0.24', 'registry.k8s.io/nginx-slim:0.24'],
    ['gcr.io/google_containers/nginx-slim:0.8', 'gcr.io', 'google_containers/nginx-slim', '0.8', 'gcr.io/google_containers/nginx-slim:0.8'],
    ['k8s.gcr.io/nginx-slim:0.8', 'k8s.gcr.io', 'nginx-slim', '0.8', 'k8s.gcr.io/nginx-slim:0.8'],
    ['localhost:5000/app:v1', 'localhost:5000', 'app', 'v1', 'localhost:5000/app:v1'],
    ['localhost/app', 'localhost', 'app', undefined, 'localhost/app:latest'],
    ['art.sinovatio.com/public-docker/nginx:alpine', 'art.sinovatio.com', 'public-docker/nginx', 'alpine', 'art.sinovatio.com/public-docker/nginx:alpine'],
    ['[::1]:5000/repo:tag', '[::1]:5000', 'repo', 'tag', '[::1]:5000/repo:tag'],
  ])('%s → %s / %s', (raw, domain, path, tag, normalized) => {
    const r = parseNormalizedNamed(raw)
    expect(r).toEqual({ ok: true, ref: { raw, domain, path, tag, digest: undefined, normalized } })
  })

  it('keeps the digest and pulls by it when a tag is given too', () => {
    const d = 'sha256:' + 'a'.repeat(64)
    const r = parseNormalizedNamed(`nginx:1.27@${d}`)
    expect(r).toMatchObject({ ok: true, ref: { tag: '1.27', digest: d, normalized: `docker.io/library/nginx@${d}` } })
  })

  it('takes an uppercase first component as a registry host', () => {
    expect(parseNormalizedNamed('MyRegistry/nginx')).toMatchObject({ ok: true, ref: { domain: 'MyRegistry', path: 'nginx' } })
  })

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['docker.io/Luksa/kubia', 'invalid reference format: repository name (Luksa/kubia) must be lowercase'],
    ['registry.k8s.io/Nginx-slim:0.24', 'invalid reference format: repository name (Nginx-slim) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx::1', 'invalid reference format'],
    ['https://registry.k8s.io/nginx', 'invalid reference format'],
    [' nginx', 'invalid reference format'],
    ['nginx:1.27 ', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['nginx@sha256:' + 'a'.repeat(63), 'invalid checksum digest format'],
    ['nginx@md5:' + 'a'.repeat(32), 'unsupported digest algorithm'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    ['docker.io/' + 'a'.repeat(256), 'repository name must not be more than 255 characters'],
  ])('rejects %j: %s', (raw, error) => {
    expect(parseNormalizedNamed(raw)).toEqual({ ok: false, error })
  })
})

describe('invalidImageNameMessage', () => {
  it('wraps the parse error as the kubelet does', () => {
    // pkg/kubelet/images image_manager.go EnsureImageExists + pkg/util/parsers ParseImageName.
    const r = parseNormalizedNamed('Nginx')
    expect(r.ok).toBe(false)
    expect(invalidImageNameMessage('Nginx', (r as { error: string }).error)).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    )
  })

  it('quotes invisible characters the way Go %q does', () => {
    expect(invalidImageNameMessage('ngi\u200bnx', 'invalid reference format')).toBe(
      'Failed to apply default image tag "ngi\\u200bnx": couldn\'t parse image name "ngi\\u200bnx": invalid reference format',
    )
  })
})
