// The programs an image has beyond what its behaviour runs itself (sim/images): the ones that need the
// network or the cluster DNS — busybox's wget and nslookup, bind's dig and host, curl where the image
// installs it — and which /bin/sh it is. Which image has what follows their Dockerfiles: busybox and
// Alpine carry busybox applets (wget, nslookup); the official nginx images install curl (Debian's
// 7.88 in bookworm, Alpine's 8.x); luksa/kubia builds on node:7 (jessie, curl 7.38); the dnsutils
// images have bind's tools.

import { dnsCommands } from '../dns/commands'
import { curlCommand } from '../shell/commands/curl'
import type { Command } from '../shell/types'
import { curlTransport } from '../net/curl-transport'
import { podStack, type NetStack } from '../net/stack'
import type { ContainerHandle } from './container'
import { wgetCommand } from './wget'

export type ShellKind = 'ash' | 'dash' | 'bash'
export type Family = 'busybox' | 'alpine' | 'gnu' | 'none'

export function familyOf(h: ContainerHandle): Family {
  const b = h.rc.image.behavior
  if (b.id === 'busybox') return 'busybox'
  const files = b.files()
  if ('/etc/alpine-release' in files) return 'alpine'
  if ('/etc/os-release' in files) return 'gnu'
  return 'none'
}

/** What /bin/sh is: busybox ash, Debian/Ubuntu's dash, or bash (Oracle Linux). */
export function shellKind(h: ContainerHandle): ShellKind | undefined {
  const family = familyOf(h)
  if (family === 'busybox' || family === 'alpine') return 'ash'
  if (family === 'none') return undefined
  return /Oracle/.test(h.rc.image.behavior.files()['/etc/os-release'] ?? '') ? 'bash' : 'dash'
}

/** busybox ≤1.28 (busybox:1.28, Alpine ≤3.8) lays out wget's progress the old way. */
function oldBusybox(h: ContainerHandle): boolean {
  const tag = h.rc.image.ref.tag ?? ''
  const m = /^(\d+)\.(\d+)/.exec(tag)
  return familyOf(h) === 'busybox' && !!m && Number(m[1]) === 1 && Number(m[2]) <= 28
}

function readFile(h: ContainerHandle, path: string): string {
  try {
    return h.rc.fs.exists(path) ? h.rc.fs.readFile(path) : ''
  } catch {
    return ''
  }
}

/** The container's network namespace: its own /etc/hosts and /etc/resolv.conf, its pod IP. */
export function containerNet(h: ContainerHandle): NetStack {
  return podStack(h.sim, h.namespace, h.pod, () => ({ resolvConf: readFile(h, '/etc/resolv.conf'), hosts: readFile(h, '/etc/hosts') }))
}

/** The image reference whose DNS tools the container has (Alpine-based images have Alpine's busybox). */
function dnsImage(h: ContainerHandle, family: Family): string {
  if (family === 'alpine') return `alpine:${(readFile(h, '/etc/alpine-release').trim() || '3.21').split('.').slice(0, 2).join('.')}`
  return h.image
}

/** Extra programs by absolute path. */
export function extraPrograms(h: ContainerHandle): Map<string, Command> {
  const family = familyOf(h)
  const out = new Map<string, Command>()
  if (family === 'none') return out
  const id = h.rc.image.behavior.id
  const bin = family === 'busybox' ? '/bin' : '/usr/bin'
  const dns = dnsCommands({ namespace: h.namespace, pod: h.pod, container: h.container, image: dnsImage(h, family) })
  for (const c of dns) out.set(c.name === 'hostname' ? '/bin/hostname' : `${bin}/${c.name}`, c)
  if (family === 'busybox' || family === 'alpine') out.set(`${bin}/wget`, wgetCommand(() => containerNet(h), { old: oldBusybox(h) }))
  if (id === 'nginx') out.set('/usr/bin/curl', curlCommand(curlTransport(containerNet(h), 'modern')))
  // nginx-slim has curl too: the StatefulSet Basics tutorial runs `kubectl exec -i -t web-0 -- curl
  // http://localhost/` in it and shows the page. Its base is Debian jessie (curl 7.38), as kubia's.
  if (id === 'kubia' || id === 'kubia-pet' || id === 'nginx-slim') out.set('/usr/bin/curl', curlCommand(curlTransport(containerNet(h), 'old')))
  return out
}
