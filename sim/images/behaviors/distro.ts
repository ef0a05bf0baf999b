// Base layers: the directories, /etc files and shell each base image brings, and which tools answer.

import type { Flavor, ShellInfo } from '../shell/types'

export type DistroId = 'busybox' | 'alpine' | 'debian-bookworm' | 'debian-jessie' | 'ubuntu-noble' | 'ubuntu-xenial' | 'oraclelinux-9' | 'scratch'

export interface Distro {
  flavor: Flavor
  shell: ShellInfo | undefined
  /** Where the tools are: /bin for busybox, /bin and /usr/bin for the others. */
  toolDirs: Record<string, string>
  files: Record<string, string>
  dirs: string[]
  path: string
}

const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const DEBIAN_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var/cache', '/var/lib', '/var/log', '/var/tmp']

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`

/** Tools GNU images have, by where Debian puts them. */
const GNU_TOOLS: Record<string, string> = {
  '/bin/cat': 'cat',
  '/bin/date': 'date',
  '/bin/echo': 'echo',
  '/bin/false': 'false',
  '/bin/grep': 'grep',
  '/bin/hostname': 'hostname',
  '/bin/ls': 'ls',
  '/bin/mkdir': 'mkdir',
  '/bin/pwd': 'pwd',
  '/bin/rm': 'rm',
  '/bin/sleep': 'sleep',
  '/bin/touch': 'touch',
  '/bin/true': 'true',
  '/bin/uname': 'uname',
  '/usr/bin/env': 'env',
  '/usr/bin/head': 'head',
  '/usr/bin/printenv': 'printenv',
  '/usr/bin/printf': 'printf',
  '/usr/bin/tail': 'tail',
  '/usr/bin/test': 'test',
  '/usr/bin/[': '[',
  '/usr/bin/whoami': 'whoami',
  '/bin/sh': 'sh',
  '/bin/dash': 'sh',
  '/bin/bash': 'sh',
}

const BUSYBOX_APPLETS = ['[', 'cat', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'ls', 'mkdir', 'nslookup', 'printenv', 'printf', 'pwd', 'rm', 'sh', 'ash', 'sleep', 'tail', 'test', 'touch', 'true', 'uname', 'whoami']

function busyboxTools(): Record<string, string> {
  const bins: Record<string, string> = {}
  for (const a of BUSYBOX_APPLETS) bins[`/bin/${a}`] = a === 'ash' ? 'sh' : a
  return bins
}

function osRelease(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${k}=${v}\n`).join('')
}

function gnu(shell: ShellInfo, osrel: string, extraDirs: string[] = []): Distro {
  return {
    flavor: 'gnu',
    shell,
    toolDirs: GNU_TOOLS,
    files: { '/etc/os-release': osrel, '/etc/passwd': DEBIAN_PASSWD, '/etc/hostname': '', '/root/.bashrc': '' },
    dirs: [...DEBIAN_DIRS, ...extraDirs],
    path: DEBIAN_PATH,
  }
}

const dashModern: ShellInfo = { kind: 'dash', execsLastCommand: true }
const dashOld: ShellInfo = { kind: 'dash', execsLastCommand: false }

export function distro(id: DistroId): Distro {
  switch (id) {
    case 'busybox':
      return {
        flavor: 'busybox',
        shell: { kind: 'ash', execsLastCommand: true },
        toolDirs: busyboxTools(),
        files: {
          '/etc/passwd':
            'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
          '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nnogroup:x:65534:\n',
        },
        dirs: ['/bin', '/dev', '/etc', '/etc/network', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr/sbin', '/var/spool/mail', '/var/www'],
        path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      }
    case 'alpine':
      return {
        flavor: 'busybox',
        shell: { kind: 'ash', execsLastCommand: true },
        toolDirs: busyboxTools(),
        files: {
          '/etc/os-release': osRelease([
            ['NAME', '"Alpine Linux"'],
            ['ID', 'alpine'],
            ['VERSION_ID', '3.21.3'],
            ['PRETTY_NAME', '"Alpine Linux v3.21"'],
            ['HOME_URL', '"https://alpinelinux.org/"'],
            ['BUG_REPORT_URL', '"https://gitlab.alpinelinux.org/alpine/aports/-/issues"'],
          ]),
          '/etc/alpine-release': '3.21.3\n',
          '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
        },
        dirs: ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/sbin', '/var/cache', '/var/lib', '/var/log', '/var/tmp'],
        path: DEBIAN_PATH,
      }
    case 'debian-bookworm':
      return gnu(
        dashModern,
        osRelease([
          ['PRETTY_NAME', '"Debian GNU/Linux 12 (bookworm)"'],
          ['NAME', '"Debian GNU/Linux"'],
          ['VERSION_ID', '"12"'],
          ['VERSION', '"12 (bookworm)"'],
          ['VERSION_CODENAME', 'bookworm'],
          ['ID', 'debian'],
          ['HOME_URL', '"https://www.debian.org/"'],
          ['SUPPORT_URL', '"https://www.debian.org/support"'],
          ['BUG_REPORT_URL', '"https://bugs.debian.org/"'],
        ]),
      )
    case 'debian-jessie':
      return gnu(
        dashOld,
        osRelease([
          ['PRETTY_NAME', '"Debian GNU/Linux 8 (jessie)"'],
          ['NAME', '"Debian GNU/Linux"'],
          ['VERSION_ID', '"8"'],
          ['VERSION', '"8 (jessie)"'],
          ['ID', 'debian'],
          ['HOME_URL', '"http://www.debian.org/"'],
          ['SUPPORT_URL', '"http://www.debian.org/support"'],
          ['BUG_REPORT_URL', '"https://bugs.debian.org/"'],
        ]),
      )
    case 'ubuntu-noble':
      return gnu(
        dashModern,
        osRelease([
          ['PRETTY_NAME', '"Ubuntu 24.04.2 LTS"'],
          ['NAME', '"Ubuntu"'],
          ['VERSION_ID', '"24.04"'],
          ['VERSION', '"24.04.2 LTS (Noble Numbat)"'],
          ['VERSION_CODENAME', 'noble'],
          ['ID', 'ubuntu'],
          ['ID_LIKE', 'debian'],
          ['HOME_URL', '"https://www.ubuntu.com/"'],
          ['SUPPORT_URL', '"https://help.ubuntu.com/"'],
          ['BUG_REPORT_URL', '"https://bugs.launchpad.net/ubuntu/"'],
          ['PRIVACY_POLICY_URL', '"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"'],
          ['UBUNTU_CODENAME', 'noble'],
          ['LOGO', 'ubuntu-logo'],
        ]),
      )
    case 'ubuntu-xenial':
      return gnu(
        dashOld,
        osRelease([
          ['NAME', '"Ubuntu"'],
          ['VERSION', '"16.04.2 LTS (Xenial Xerus)"'],
          ['ID', 'ubuntu'],
          ['ID_LIKE', 'debian'],
          ['PRETTY_NAME', '"Ubuntu 16.04.2 LTS"'],
          ['VERSION_ID', '"16.04"'],
          ['HOME_URL', '"http://www.ubuntu.com/"'],
          ['SUPPORT_URL', '"http://help.ubuntu.com/"'],
          ['BUG_REPORT_URL', '"http://bugs.launchpad.net/ubuntu/"'],
          ['VERSION_CODENAME', 'xenial'],
          ['UBUNTU_CODENAME', 'xenial'],
        ]),
      )
    case 'oraclelinux-9':
      return gnu(
        { kind: 'bash', execsLastCommand: true },
        osRelease([
          ['NAME', '"Oracle Linux Server"'],
          ['VERSION', '"9.5"'],
          ['ID', '"ol"'],
          ['ID_LIKE', '"fedora"'],
          ['VERSION_ID', '"9.5"'],
          ['PRETTY_NAME', '"Oracle Linux Server 9.5"'],
        ]),
      )
    case 'scratch':
      // Distroless images (CoreDNS): no shell, no tools, just the binary and certificates.
      return { flavor: 'gnu', shell: undefined, toolDirs: {}, files: {}, dirs: ['/etc/ssl/certs'], path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }
  }
}
