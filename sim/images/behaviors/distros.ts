// Plain base images: busybox, alpine, ubuntu, debian, and the DNS-tools images built on them. Their
// default command is a shell, which with stdin closed exits 0 at once (a pod without `command` ends in
// Completed, then CrashLoopBackOff). busybox and alpine have the nslookup applet, the dnsutils images
// bind's nslookup, dig and host (sim/dns answers them, in each image's flavour).

import type { ImageBehavior } from '../types'
import { defineImage } from './define'

/** busybox:<version>: `CMD ["sh"]` on a busybox rootfs (docker-library/busybox). */
export function busyboxImage(version: string): ImageBehavior {
  const [major, minor] = version.split('.').map(Number)
  return defineImage({
    id: 'busybox',
    base: 'busybox',
    env: {},
    entrypoint: [],
    cmd: ['sh'],
    // FLOAT_DURATION (and with it `sleep inf`) arrived in busybox 1.31.
    sleepInfinity: major > 1 || minor >= 31,
  })
}

export function alpineImage(): ImageBehavior {
  return defineImage({ id: 'alpine', base: 'alpine', env: {}, entrypoint: [], cmd: ['/bin/sh'] })
}

export function ubuntuImage(release: 'noble' | 'xenial'): ImageBehavior {
  return defineImage({ id: 'ubuntu', base: release === 'noble' ? 'ubuntu-noble' : 'ubuntu-xenial', env: {}, entrypoint: [], cmd: ['/bin/bash'] })
}

export function debianImage(): ImageBehavior {
  return defineImage({ id: 'debian', base: 'debian-bookworm', env: {}, entrypoint: [], cmd: ['bash'] })
}

/**
 * registry.k8s.io/e2e-test-images/jessie-dnsutils and tutum/dnsutils: Debian/Ubuntu with dnsutils and
 * no command of their own (pods give them `sleep 3600` / `sleep infinity`).
 */
export function dnsutilsImage(base: 'jessie' | 'xenial'): ImageBehavior {
  return defineImage({
    id: 'dnsutils',
    base: base === 'jessie' ? 'debian-jessie' : 'ubuntu-xenial',
    env: {},
    entrypoint: [],
    cmd: ['bash'],
    bins: { '/usr/bin/nslookup': 'nslookup', '/usr/bin/dig': 'dig', '/usr/bin/host': 'host' },
  })
}
