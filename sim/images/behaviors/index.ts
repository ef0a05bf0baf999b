// Which behaviour an image has, as data (so the catalogue stays a table), and how to build it.

import type { ImageBehavior } from '../types'
import { corednsImage } from './coredns'
import { alpineImage, busyboxImage, debianImage, dnsutilsImage, ubuntuImage } from './distros'
import { kubiaImage } from './kubia'
import { nginxImage, type NginxBuild } from './nginx'
import { httpdImage, mysqlImage, postgresImage, redisImage } from './servers'
import { zookeeperImage } from './zookeeper'

export type BehaviorSpec =
  | { kind: 'nginx'; build: NginxBuild }
  | { kind: 'busybox'; version: string }
  | { kind: 'alpine' }
  | { kind: 'ubuntu'; release: 'noble' | 'xenial' }
  | { kind: 'debian' }
  | { kind: 'kubia'; pet: boolean }
  | { kind: 'zookeeper'; flavor: 'k8szk' | 'kubernetes-zookeeper' }
  | { kind: 'dnsutils'; base: 'jessie' | 'xenial' }
  | { kind: 'coredns'; version: string }
  | { kind: 'mysql'; tag: '8.0' | '5.7' }
  | { kind: 'postgres' }
  | { kind: 'redis' }
  | { kind: 'httpd' }

export function buildBehavior(spec: BehaviorSpec): ImageBehavior {
  switch (spec.kind) {
    case 'nginx':
      return nginxImage(spec.build)
    case 'busybox':
      return busyboxImage(spec.version)
    case 'alpine':
      return alpineImage()
    case 'ubuntu':
      return ubuntuImage(spec.release)
    case 'debian':
      return debianImage()
    case 'kubia':
      return kubiaImage(spec.pet)
    case 'zookeeper':
      return zookeeperImage(spec.flavor)
    case 'dnsutils':
      return dnsutilsImage(spec.base)
    case 'coredns':
      return corednsImage(spec.version)
    case 'mysql':
      return mysqlImage(spec.tag)
    case 'postgres':
      return postgresImage()
    case 'redis':
      return redisImage()
    case 'httpd':
      return httpdImage()
  }
}
