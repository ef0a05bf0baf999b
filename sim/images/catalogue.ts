// The images the simulated registries know, by repository and tag, as of mid-2025 (nginx mainline
// 1.27.5 / stable 1.28.0, busybox 1.37, CoreDNS 1.12.0). Sizes are compressed sizes as the kubelet's
// Pulled event reports them (real captures where we have one: nginx:1.27 72406859, nginx:1.27-alpine
// 20984244, busybox:latest 2236931, nginx-slim:0.24 8132187 from the reference; the others plausible).
// Digests are fixed: the reference's for nginx-slim:0.24, derived ones (digests.ts) elsewhere.

import type { BehaviorSpec } from './behaviors'

export interface Build {
  behavior: BehaviorSpec
  sizeBytes: number
  /** Seed for the derived digest; builds shared by several repositories (mirrors) share it. */
  key: string
  digest?: string
  /** Docker image manifest v2 schema 1: containerd ≥2.1 refuses to pull it. */
  schema1?: boolean
}

export interface Repository {
  /** Fully qualified repository name, e.g. `docker.io/library/nginx`. */
  name: string
  /** Tag → build, or → another tag of the same repository. */
  tags: Record<string, Build | string>
}

function nginx(version: string, variant: 'debian' | 'alpine', env: Record<string, string>, compiler: string, sizeBytes: number): Build {
  return { behavior: { kind: 'nginx', build: { version, variant, env: { NGINX_VERSION: version, ...env }, compiler } }, sizeBytes, key: `nginx:${version}-${variant}` }
}

const GCC_BOOKWORM = 'gcc 12.2.0 (Debian 12.2.0-14) '
const GCC_BOOKWORM_U1 = 'gcc 12.2.0 (Debian 12.2.0-14+deb12u1) '
const GCC_ALPINE_321 = 'gcc 14.2.0 (Alpine 14.2.0) '

const n1275 = nginx('1.27.5', 'debian', { NJS_VERSION: '0.8.10', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }, GCC_BOOKWORM_U1, 72406859)
const n1275a = nginx('1.27.5', 'alpine', { PKG_RELEASE: '1', DYNPKG_RELEASE: '1', NJS_VERSION: '0.8.10', NJS_RELEASE: '1' }, GCC_ALPINE_321, 20984244)
const n1280 = nginx('1.28.0', 'debian', { NJS_VERSION: '0.8.10', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }, GCC_BOOKWORM_U1, 72195291)
const n1280a = nginx('1.28.0', 'alpine', { PKG_RELEASE: '1', DYNPKG_RELEASE: '1', NJS_VERSION: '0.8.10', NJS_RELEASE: '1' }, GCC_ALPINE_321, 21004339)
const n1274 = nginx('1.27.4', 'debian', { NJS_VERSION: '0.8.9', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }, GCC_BOOKWORM_U1, 72188133)
const n1270 = nginx('1.27.0', 'debian', { NJS_VERSION: '0.8.4', NJS_RELEASE: '2~bookworm', PKG_RELEASE: '2~bookworm' }, GCC_BOOKWORM, 70984424)
const n1263 = nginx('1.26.3', 'debian', { NJS_VERSION: '0.8.9', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '2~bookworm' }, GCC_BOOKWORM_U1, 72099501)
const n1263a = nginx('1.26.3', 'alpine', { PKG_RELEASE: '1', DYNPKG_RELEASE: '2', NJS_VERSION: '0.8.9', NJS_RELEASE: '1' }, 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ', 20545632)
const n1255 = nginx('1.25.5', 'debian', { NJS_VERSION: '0.8.4', PKG_RELEASE: '1~bookworm' }, GCC_BOOKWORM, 71018225)
const n1255a = nginx('1.25.5', 'alpine', { PKG_RELEASE: '1', NJS_VERSION: '0.8.4' }, 'gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ', 18036737)
// nginx:alpine as it was in July 2020 (seed 004's private mirror of it serves the pre-1.21.2 welcome page).
const n1191a = nginx('1.19.1', 'alpine', { PKG_RELEASE: '1', NJS_VERSION: '0.4.2' }, 'gcc 9.3.0 (Alpine 9.3.0) ', 8900312)

function slim(version: string, nginxVersion: string, sizeBytes: number, extra: Partial<Build> = {}): Build {
  return { behavior: { kind: 'nginx', build: { version: nginxVersion, variant: 'slim', env: {}, compiler: 'gcc' } }, sizeBytes, key: `nginx-slim:${version}`, ...extra }
}

// nginx-slim's nginx versions are not documented anywhere we could read; these are plausible.
const slim07 = slim('0.7', '1.11.1', 20316468, { schema1: true })
const slim08 = slim('0.8', '1.11.3', 20336504, { schema1: true })
const SLIM_TAGS: Record<string, Build | string> = {
  '0.7': slim07,
  '0.8': slim08,
  '0.21': slim('0.21', '1.15.6', 95339966),
  '0.24': slim('0.24', '1.17.4', 8132187, { digest: 'sha256:a5127e4a3e8b9c1d2f0e6b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f70819' }),
  '0.26': slim('0.26', '1.19.4', 8356142),
  '0.27': slim('0.27', '1.21.6', 8380510),
}

const b = (behavior: BehaviorSpec, sizeBytes: number, key: string, extra: Partial<Build> = {}): Build => ({ behavior, sizeBytes, key, ...extra })

const zkKubernetes = b({ kind: 'zookeeper', flavor: 'kubernetes-zookeeper' }, 110963475, 'kubernetes-zookeeper:1.0-3.4.10')
const coredns = (v: string, size: number) => b({ kind: 'coredns', version: v }, size, `coredns:v${v}`)

export const CATALOGUE: Repository[] = [
  {
    name: 'docker.io/library/nginx',
    tags: {
      '1.27.5': n1275,
      latest: '1.27.5',
      mainline: '1.27.5',
      '1': '1.27.5',
      '1.27': '1.27.5',
      bookworm: '1.27.5',
      'mainline-bookworm': '1.27.5',
      '1.27.5-alpine': n1275a,
      alpine: '1.27.5-alpine',
      'mainline-alpine': '1.27.5-alpine',
      '1-alpine': '1.27.5-alpine',
      '1.27-alpine': '1.27.5-alpine',
      '1.28.0': n1280,
      stable: '1.28.0',
      '1.28': '1.28.0',
      'stable-bookworm': '1.28.0',
      '1.28.0-alpine': n1280a,
      'stable-alpine': '1.28.0-alpine',
      '1.28-alpine': '1.28.0-alpine',
      '1.27.4': n1274,
      '1.27.0': n1270,
      '1.26.3': n1263,
      '1.26': '1.26.3',
      '1.26.3-alpine': n1263a,
      '1.26-alpine': '1.26.3-alpine',
      '1.25.5': n1255,
      '1.25': '1.25.5',
      '1.25.5-alpine': n1255a,
      '1.25-alpine': '1.25.5-alpine',
      '1.19.1-alpine': n1191a,
      '1.19-alpine': '1.19.1-alpine',
    },
  },
  { name: 'registry.k8s.io/nginx-slim', tags: SLIM_TAGS },
  // k8s.gcr.io redirects to registry.k8s.io: the same images.
  { name: 'k8s.gcr.io/nginx-slim', tags: SLIM_TAGS },
  { name: 'gcr.io/google_containers/nginx-slim', tags: { '0.7': slim07, '0.8': slim08 } },
  {
    name: 'docker.io/library/busybox',
    tags: {
      '1.37.0': b({ kind: 'busybox', version: '1.37' }, 2236931, 'busybox:1.37.0'),
      latest: '1.37.0',
      stable: '1.37.0',
      '1': '1.37.0',
      '1.37': '1.37.0',
      '1.36.1': b({ kind: 'busybox', version: '1.36' }, 2152262, 'busybox:1.36.1'),
      '1.36': '1.36.1',
      '1.35.0': b({ kind: 'busybox', version: '1.35' }, 2148476, 'busybox:1.35.0'),
      '1.35': '1.35.0',
      '1.31.1': b({ kind: 'busybox', version: '1.31' }, 764556, 'busybox:1.31.1'),
      '1.31': '1.31.1',
      '1.28.4': b({ kind: 'busybox', version: '1.28' }, 727869, 'busybox:1.28.4'),
      '1.28': '1.28.4',
    },
  },
  { name: 'docker.io/library/alpine', tags: { '3.21.3': b({ kind: 'alpine' }, 3642320, 'alpine:3.21.3'), latest: '3.21.3', '3': '3.21.3', '3.21': '3.21.3' } },
  {
    name: 'docker.io/library/ubuntu',
    tags: {
      '24.04': b({ kind: 'ubuntu', release: 'noble' }, 29754422, 'ubuntu:24.04'),
      latest: '24.04',
      noble: '24.04',
      '16.04': b({ kind: 'ubuntu', release: 'xenial' }, 46497548, 'ubuntu:16.04'),
      xenial: '16.04',
    },
  },
  { name: 'docker.io/library/debian', tags: { bookworm: b({ kind: 'debian' }, 48494272, 'debian:bookworm'), latest: 'bookworm', '12': 'bookworm' } },
  { name: 'docker.io/luksa/kubia-pet', tags: { latest: b({ kind: 'kubia', pet: true }, 264991312, 'luksa/kubia-pet:latest') } },
  { name: 'docker.io/luksa/kubia', tags: { latest: b({ kind: 'kubia', pet: false }, 264989877, 'luksa/kubia:latest') } },
  { name: 'registry.k8s.io/kubernetes-zookeeper', tags: { '1.0-3.4.10': zkKubernetes } },
  { name: 'k8s.gcr.io/kubernetes-zookeeper', tags: { '1.0-3.4.10': zkKubernetes } },
  { name: 'gcr.io/google_samples/k8szk', tags: { v1: b({ kind: 'zookeeper', flavor: 'k8szk' }, 198524061, 'k8szk:v1') } },
  { name: 'registry.k8s.io/e2e-test-images/jessie-dnsutils', tags: { '1.3': b({ kind: 'dnsutils', base: 'jessie' }, 56840621, 'jessie-dnsutils:1.3') } },
  { name: 'docker.io/tutum/dnsutils', tags: { latest: b({ kind: 'dnsutils', base: 'xenial' }, 78127536, 'tutum/dnsutils:latest', { schema1: true }) } },
  { name: 'registry.k8s.io/coredns/coredns', tags: { 'v1.12.0': coredns('1.12.0', 20939036), 'v1.11.3': coredns('1.11.3', 18562039), 'v1.11.1': coredns('1.11.1', 18182961) } },
  {
    name: 'docker.io/library/mysql',
    tags: {
      '8.0.42': b({ kind: 'mysql', tag: '8.0' }, 233637467, 'mysql:8.0.42'),
      '8.0': '8.0.42',
      '5.7.44': b({ kind: 'mysql', tag: '5.7' }, 152374227, 'mysql:5.7.44'),
      '5.7': '5.7.44',
    },
  },
  { name: 'docker.io/library/postgres', tags: { '16.8': b({ kind: 'postgres' }, 157893711, 'postgres:16.8'), '16': '16.8' } },
  { name: 'docker.io/library/redis', tags: { '7.4.3': b({ kind: 'redis' }, 45368812, 'redis:7.4.3'), '7': '7.4.3', '7.4': '7.4.3', latest: '7.4.3' } },
  { name: 'docker.io/library/httpd', tags: { '2.4.63': b({ kind: 'httpd' }, 58136347, 'httpd:2.4.63'), '2.4': '2.4.63', '2': '2.4.63', latest: '2.4.63' } },
]

/** Registry hosts this catalogue speaks for; an image elsewhere is looked up as a private mirror. */
export const KNOWN_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'registry.gitlab.com', 'public.ecr.aws'])
