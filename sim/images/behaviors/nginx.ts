// The official nginx image (docker-library nginx: /docker-entrypoint.sh + `nginx -g 'daemon off;'`,
// STOPSIGNAL SIGQUIT) and the older registry.k8s.io/nginx-slim (nginx built from source, CMD nginx,
// no entrypoint banner). What they serve is in nginx-http.ts.

import { nginxErrorTime } from '../time-format'
import { runScriptFile } from '../shell/interp'
import { resolveCommand } from '../shell/resolve'
import { done, type Program, type Proc, type RunResult } from '../shell/types'
import type { ImageBehavior } from '../types'
import { defineImage, NODE_KERNEL } from './define'
import type { DistroId } from './distro'
import { nginxHttp, NGINX_ROOT } from './nginx-http'
import { DEFAULT_CONF, errorPage50x, MIME_TYPES_FILE, NGINX_CONF, welcomePage } from './nginx-pages'

export interface NginxBuild {
  version: string
  variant: 'debian' | 'alpine' | 'slim'
  /** The image's ENV besides PATH. */
  env: Record<string, string>
  /** `built by ...` in the start-up notices (trailing space included, as nginx prints it). */
  compiler: string
}

/** Worker processes: `worker_processes auto` on the 4-CPU nodes of the default cluster. */
const WORKERS = 4
const FIRST_WORKER_PID = 29
const DEFAULT_CONF_PATH = '/etc/nginx/conf.d/default.conf'

function notice(p: Proc, pid: number, text: string): string {
  return `${nginxErrorTime(p.env.now())} [notice] ${pid}#${pid}: ${text}\n`
}

/** /docker-entrypoint.sh: runs the /docker-entrypoint.d scripts, then execs its arguments. */
function entrypoint(packaged: string): Program {
  return (argv, p) => {
    const args = argv.slice(1)
    let banner = ''
    if ((args[0] === 'nginx' || args[0] === 'nginx-debug') && !p.vars.NGINX_ENTRYPOINT_QUIET_LOGS) {
      const me = '/docker-entrypoint.sh'
      const say = (line: string) => (banner += line + '\n')
      say(`${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`)
      say(`${me}: Looking for shell scripts in /docker-entrypoint.d/`)
      say(`${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`)
      say(`10-listen-on-ipv6-by-default.sh: info: ${listenOnIpv6(p, packaged)}`.replace(/\n/g, '\n10-listen-on-ipv6-by-default.sh: info: '))
      say(`${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`)
      say(`${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`)
      for (const line of envsubstTemplates(p)) say(`20-envsubst-on-templates.sh: ${line}`)
      say(`${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`)
      say(`${me}: Configuration complete; ready for start up`)
    }
    if (!args.length) return done(0, banner)
    // exec "$@" (line 47 of the script): the command replaces the entrypoint as PID 1.
    const found = resolveCommand(args[0], p)
    let r: RunResult
    if (found.kind === 'program') r = p.image.programs[found.program](args, p)
    else if (found.kind === 'script') r = runScriptFile(found.path, args.slice(1), p)
    else {
      const ash = p.image.shell.kind === 'ash'
      r = done(127, '', ash ? `/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found\n` : `/docker-entrypoint.sh: 47: exec: ${args[0]}: not found\n`)
    }
    return { ...r, out: banner + r.out, log: banner + r.log }
  }
}

/** 10-listen-on-ipv6-by-default.sh: adds `listen [::]:80;` to an untouched default.conf. */
function listenOnIpv6(p: Proc, packaged: string): string {
  const fs = p.env.fs
  if (!fs.exists(DEFAULT_CONF_PATH) || fs.isDir(DEFAULT_CONF_PATH)) return `${DEFAULT_CONF_PATH} is not a file or does not exist`
  const current = fs.readFile(DEFAULT_CONF_PATH)
  try {
    fs.writeFile(DEFAULT_CONF_PATH, current)
  } catch {
    return `can not modify ${DEFAULT_CONF_PATH} (read-only file system?)`
  }
  if (current.includes('listen  [::]:80;')) return 'IPv6 listen already enabled'
  if (current !== packaged) return `Getting the checksum of ${DEFAULT_CONF_PATH}\n${DEFAULT_CONF_PATH} differs from the packaged version`
  fs.writeFile(DEFAULT_CONF_PATH, current.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'))
  return `Getting the checksum of ${DEFAULT_CONF_PATH}\nEnabled listen on IPv6 in ${DEFAULT_CONF_PATH}`
}

/** 20-envsubst-on-templates.sh: /etc/nginx/templates/*.template → /etc/nginx/conf.d/*, ${VAR} filled in. */
function envsubstTemplates(p: Proc): string[] {
  const dir = '/etc/nginx/templates'
  const fs = p.env.fs
  if (!fs.exists(dir) || !fs.isDir(dir)) return []
  const out: string[] = []
  for (const name of fs.readdir(dir).filter((n) => n.endsWith('.template'))) {
    const target = `/etc/nginx/conf.d/${name.replace(/\.template$/, '')}`
    out.push(`Running envsubst on ${dir}/${name} to ${target}`)
    const text = fs.readFile(`${dir}/${name}`).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, v: string) => (v in p.vars ? p.vars[v] : m))
    try {
      fs.writeFile(target, text)
    } catch {
      /* a read-only conf.d: the real script fails here too; nginx then runs with what is there */
    }
  }
  return out
}

// Every nginx pod of a set starts with the image's own default.conf (the same string): its ports are
// worked out once. A few texts are remembered, the last ones asked about.
const portsOfConf = new Map<string, readonly number[]>()

function confPorts(conf: string): readonly number[] {
  let ports = portsOfConf.get(conf)
  if (ports === undefined) {
    const text = conf.replace(/#[^\n]*/g, '')
    ports = [...text.matchAll(/\blisten\s+(?:\S*:)?(\d+)\b[^;]*;/g)].map((m) => Number(m[1]))
    if (portsOfConf.size >= 16) portsOfConf.clear()
    portsOfConf.set(conf, ports)
  }
  return ports
}

/** Ports the server blocks listen on (`listen 80;`, `listen [::]:8080;`, `listen 0.0.0.0:81 ...;`). */
export function listenPorts(p: Proc): number[] {
  const fs = p.env.fs
  const ports = new Set<number>()
  const confs = fs.exists('/etc/nginx/conf.d') && fs.isDir('/etc/nginx/conf.d') ? fs.readdir('/etc/nginx/conf.d').filter((n) => n.endsWith('.conf')) : []
  for (const name of confs) for (const port of confPorts(fs.readFile(`/etc/nginx/conf.d/${name}`))) ports.add(port)
  return ports.size ? [...ports].sort((a, b) => a - b) : confs.length ? [] : [80]
}

function nginxProgram(build: NginxBuild): Program {
  const notices = build.variant !== 'slim'
  return (argv, p) => {
    const args = argv.slice(1)
    const flag = (f: string) => args.includes(f)
    const g = args[args.indexOf('-g') + 1] ?? ''
    const conf = args.includes('-c') ? args[args.indexOf('-c') + 1] : '/etc/nginx/nginx.conf'
    const pid = p.pid
    if (flag('-v')) return done(0, '', `nginx version: nginx/${build.version}\n`)
    if (flag('-V')) return done(0, '', `nginx version: nginx/${build.version}\nbuilt by ${build.compiler}\n`)
    if (!p.env.fs.exists(conf)) {
      const msg = `open() "${conf}" failed (2: No such file or directory)`
      return done(1, '', `${nginxErrorTime(p.env.now())} [emerg] ${pid}#${pid}: ${msg}\nnginx: [emerg] ${msg}\n`)
    }
    if (flag('-t')) return done(0, '', `nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`)
    if (flag('-s')) return done(0, '', notices ? notice(p, pid, 'signal process started') : '')
    let err = ''
    if (notices) {
      err += notice(p, pid, 'using the "epoll" event method')
      err += notice(p, pid, `nginx/${build.version}`)
      err += notice(p, pid, `built by ${build.compiler}`)
      err += notice(p, pid, `OS: Linux ${NODE_KERNEL}`)
      err += notice(p, pid, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576')
    }
    // Without `daemon off;` the master forks into the background and PID 1 exits 0 at once.
    if (!/daemon\s+off\s*;/.test(g) && !/^\s*daemon\s+off\s*;/m.test(p.env.fs.readFile(conf))) return done(0, '', err)
    const workers = Array.from({ length: WORKERS }, (_, i) => (pid === 1 ? FIRST_WORKER_PID : pid + 1) + i)
    if (notices) {
      err += notice(p, pid, 'start worker processes')
      for (const w of workers) err += notice(p, pid, `start worker process ${w}`)
    }
    const stopLog = notices
      ? (now: number) => {
          const t = nginxErrorTime(now)
          const n = (who: number, text: string) => `${t} [notice] ${who}#${who}: ${text}`
          const lines = [n(pid, 'signal 3 (SIGQUIT) received, shutting down')]
          for (const w of workers) lines.push(n(w, 'gracefully shutting down'), n(w, 'exiting'), n(w, 'exit'))
          for (const w of workers) lines.push(n(pid, `signal 17 (SIGCHLD) received from ${w}`), n(pid, `worker process ${w} exited with code 0`))
          lines.push(n(pid, 'exit'))
          return lines
        }
      : undefined
    return {
      status: 'running',
      out: '',
      err,
      log: err,
      ms: 0,
      serve: { listens: listenPorts(p), listenAfterMs: 50, stopLog },
      // SIGQUIT (the image's STOPSIGNAL) or SIGTERM: nginx closes its listeners and exits 0 quickly.
      sigterm: { exitAfterMs: 100, exitCode: 0 },
    }
  }
}

export function nginxImage(build: NginxBuild): ImageBehavior {
  const base: DistroId = build.variant === 'alpine' ? 'alpine' : build.variant === 'slim' ? 'debian-jessie' : 'debian-bookworm'
  const official = build.variant !== 'slim'
  return defineImage({
    id: build.variant === 'slim' ? 'nginx-slim' : 'nginx',
    base,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...build.env },
    entrypoint: official ? ['/docker-entrypoint.sh'] : [],
    cmd: ['nginx', '-g', 'daemon off;'],
    files: {
      '/etc/nginx/nginx.conf': official ? NGINX_CONF : NGINX_CONF.replace('error_log  /var/log/nginx/error.log notice;', 'error_log  /var/log/nginx/error.log;'),
      [DEFAULT_CONF_PATH]: DEFAULT_CONF,
      '/etc/nginx/mime.types': MIME_TYPES_FILE,
      [`${NGINX_ROOT}/index.html`]: welcomePage(build.version),
      [`${NGINX_ROOT}/50x.html`]: errorPage50x(build.version),
      ...(official
        ? {
            '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': '#!/bin/sh\n',
            '/docker-entrypoint.d/15-local-resolvers.envsh': '#!/bin/sh\n',
            '/docker-entrypoint.d/20-envsubst-on-templates.sh': '#!/bin/sh\n',
            '/docker-entrypoint.d/30-tune-worker-processes.sh': '#!/bin/sh\n',
          }
        : {}),
    },
    dirs: ['/etc/nginx/conf.d', '/var/log/nginx', '/var/cache/nginx', NGINX_ROOT],
    bins: { '/usr/sbin/nginx': 'nginx', ...(official ? { '/docker-entrypoint.sh': 'docker-entrypoint', '/usr/sbin/nginx-debug': 'nginx' } : {}) },
    programs: { nginx: nginxProgram(build), 'docker-entrypoint': entrypoint(DEFAULT_CONF) },
    http: nginxHttp(build.version),
  })
}
