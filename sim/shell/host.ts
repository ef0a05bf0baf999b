// The student's machine, root@k8s-master: bash, a home directory in /root, the coreutils-like tools,
// and kubectl (a placeholder until the real one is added: `shell.commands.add(kubectl)`). Also the
// factory for a container's shell, which reuses the interpreter with busybox ash's wording and the
// container's own file system and programs.

import type { Simulation } from '../simulation'
import { MemFs } from '../storage/memfs'
import { ashBuiltins, bashBuiltins } from './builtins'
import { ASH, BASH } from './dialect'
import { CommandRegistry, type CommandTable } from './registry'
import { Session } from './session'
import type { EditorHook, ShellSession } from './types'
import { hostPrograms } from './commands'

export const HOST_NAME = 'k8s-master'
export const HOST_HOME = '/root'

export interface HostShellOptions {
  sim: Simulation
  /** The student's files; a fresh machine when omitted. */
  fs?: MemFs
  /** The command table; `hostCommands()` when omitted. */
  commands?: CommandRegistry
  tty?: boolean
  columns?: number
  editor?: EditorHook
  openSession?(session: ShellSession): Promise<number>
  lang?: 'en' | 'zh'
  strict?: boolean
  history?: string[]
  /** Extra or overriding environment variables. */
  env?: Record<string, string>
}

export interface HostShell extends Session {
  readonly commands: CommandRegistry
  readonly fs: MemFs
}

/** The programs of the lab machine (coreutils-like tools, vi/nano, curl, watch, kubectl). */
export function hostCommands(): CommandRegistry {
  return new CommandRegistry(hostPrograms())
}

// The lab machine is an Ubuntu 22.04 host (its kernel is jammy's 5.15 GA kernel, `uname -a`): the
// release files as Ubuntu 22.04.5 ships them.
const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`
const LSB_RELEASE = `DISTRIB_ID=Ubuntu
DISTRIB_RELEASE=22.04
DISTRIB_CODENAME=jammy
DISTRIB_DESCRIPTION="Ubuntu 22.04.5 LTS"
`

/** A fresh lab machine's file system: the usual top-level directories and an empty /root. */
export function createHostFs(now = 0): MemFs {
  const fs = new MemFs()
  for (const d of ['/root', '/tmp', '/etc', '/home', '/usr/bin', '/usr/local/bin', '/var/log', '/dev', '/opt']) fs.mkdir(d, now, { parents: true })
  fs.writeFile('/etc/hostname', HOST_NAME + '\n', now)
  fs.writeFile('/etc/os-release', OS_RELEASE, now)
  fs.writeFile('/etc/lsb-release', LSB_RELEASE, now)
  fs.writeFile('/dev/null', '', now)
  return fs
}

export function createHostShell(opts: HostShellOptions): HostShell {
  const fs = opts.fs ?? createHostFs(opts.sim.now())
  const commands = opts.commands ?? hostCommands()
  const tty = opts.tty ?? true
  const session = new Session({
    sim: opts.sim,
    fs,
    commands,
    builtins: bashBuiltins(),
    dialect: BASH,
    vars: {
      HOME: HOST_HOME,
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      TERM: tty ? 'xterm-256color' : 'dumb',
      SHLVL: '1',
      ...opts.env,
    },
    cwd: HOST_HOME,
    hostname: HOST_NAME,
    tty,
    columns: opts.columns,
    editor: opts.editor,
    openSession: opts.openSession,
    lang: opts.lang,
    strict: opts.strict,
    history: opts.history,
  })
  session.state.set('HOSTNAME', HOST_NAME)
  return Object.assign(session, { commands, fs }) as HostShell
}

export interface ContainerShellOptions {
  sim: Simulation
  /** The container's root file system. */
  fs: MemFs
  /** The container's programs (nslookup, wget, hostname, ...), by name. */
  commands: CommandTable
  /** The pod's hostname (the prompt and `$HOSTNAME`). */
  hostname: string
  /** busybox ash unless the image's /bin/sh is bash. */
  shell?: 'ash' | 'bash'
  cwd?: string
  env?: Record<string, string>
  tty?: boolean
  columns?: number
  strict?: boolean
}

/** The shell of `kubectl exec -it web-0 -- sh`: same interpreter, the container's files and tools. */
export function createContainerShell(opts: ContainerShellOptions): Session {
  const bash = opts.shell === 'bash'
  return new Session({
    sim: opts.sim,
    fs: opts.fs,
    commands: opts.commands,
    builtins: bash ? bashBuiltins() : ashBuiltins(),
    dialect: bash ? BASH : ASH,
    // What `kubectl exec -it` gives a process: the image's PATH, HOSTNAME, and TERM=xterm with a tty.
    vars: { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: opts.hostname, ...((opts.tty ?? true) ? { TERM: 'xterm' } : {}), ...opts.env },
    cwd: opts.cwd ?? '/',
    hostname: opts.hostname,
    tty: opts.tty ?? true,
    columns: opts.columns,
    strict: opts.strict,
    pid: 1,
  })
}
