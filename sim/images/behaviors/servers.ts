// Servers a lab may run next to the StatefulSet: mysql, postgres (docker-library entrypoints, with
// their first-start initialisation and their famous "password option is not specified" exits),
// redis and httpd. They listen on their port after a start-up delay and stop promptly when asked.

import { apacheErrorTime, commonLogTime, redisTime, rfc3339Seconds } from '../time-format'
import { done, type Program, type RunResult } from '../shell/types'
import type { ImageBehavior } from '../types'
import { defineImage } from './define'

/** A server that runs until stopped, and on the stop signal shuts down cleanly (exit 0). */
function running(log: string, listens: number[], listenAfterMs: number, exitAfterMs: number): RunResult {
  return { status: 'running', out: log, err: '', log, ms: 0, serve: { listens, listenAfterMs }, sigterm: { exitAfterMs, exitCode: 0 } }
}

/** docker-library/mysql docker-entrypoint.sh (8.0 / 5.7), messages as mysql_note/mysql_error print them. */
function mysqlEntrypoint(version: string): Program {
  return (argv, p) => {
    const args = argv.slice(1)
    if (args[0] !== 'mysqld' && !args[0]?.startsWith('-')) return done(0)
    const t = rfc3339Seconds(p.env.now())
    const note = (text: string) => `${t} [Note] [Entrypoint]: ${text}\n`
    let log = note(`Entrypoint script for MySQL Server ${version} started.`)
    log += note("Switching to dedicated user 'mysql'")
    log += note(`Entrypoint script for MySQL Server ${version} started.`)
    const fs = p.env.fs
    if (fs.exists('/var/lib/mysql/mysql')) return running(log, [3306, 33060], 4000, 2000)
    const v = p.vars
    if (!v.MYSQL_ROOT_PASSWORD && !v.MYSQL_ALLOW_EMPTY_PASSWORD && !v.MYSQL_RANDOM_ROOT_PASSWORD) {
      log += `${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n`
      log += '    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n'
      return { status: 1, out: '', err: log, log, ms: 0 }
    }
    log += note('Initializing database files')
    log += note('Database files initialized')
    log += note('Starting temporary server')
    log += note('Temporary server started.')
    log += "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n"
    if (v.MYSQL_DATABASE) log += note(`Creating database ${v.MYSQL_DATABASE}`)
    if (v.MYSQL_USER && v.MYSQL_PASSWORD) {
      log += note(`Creating user ${v.MYSQL_USER}`)
      if (v.MYSQL_DATABASE) log += note(`Giving user ${v.MYSQL_USER} access to schema ${v.MYSQL_DATABASE}`)
    }
    log += note('Stopping temporary server')
    log += note('Temporary server stopped')
    log += '\n' + note('MySQL init process done. Ready for start up.') + '\n'
    fs.mkdir('/var/lib/mysql/mysql', { parents: true })
    if (v.MYSQL_DATABASE) fs.mkdir(`/var/lib/mysql/${v.MYSQL_DATABASE}`, { parents: true })
    // Initialising the data directory takes a while before the real server binds 3306.
    return running(log, [3306, 33060], 18_000, 2000)
  }
}

/** docker-library/postgres docker-entrypoint.sh; STOPSIGNAL SIGINT asks for a fast shutdown. */
const postgresEntrypoint: Program = (argv, p) => {
  if (argv[1] !== 'postgres' && !argv[1]?.startsWith('-')) return done(0)
  const data = p.vars.PGDATA ?? '/var/lib/postgresql/data'
  const fs = p.env.fs
  if (fs.exists(`${data}/PG_VERSION`)) {
    const log = '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
    return running(log, [5432], 1000, 500)
  }
  if (!p.vars.POSTGRES_PASSWORD && p.vars.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    const err =
      'Error: Database is uninitialized and superuser password is not specified.\n' +
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n' +
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
      '       connections without a password. This is *not* recommended.\n\n' +
      '       See PostgreSQL documentation about "trust":\n' +
      '       https://www.postgresql.org/docs/current/auth-trust.html\n'
    return { status: 1, out: '', err, log: err, ms: 0 }
  }
  fs.mkdir(data, { parents: true })
  fs.writeFile(`${data}/PG_VERSION`, `${(p.vars.PG_MAJOR ?? '16')}\n`)
  const log = 'The files belonging to this database system will be owned by user "postgres".\n\nPostgreSQL init process complete; ready for start up.\n\n'
  return running(log, [5432], 4000, 500)
}

function redisServer(version: string): Program {
  return (_argv, p) => {
    const c = redisTime(p.env.now())
    const log = [
      `1:C ${c} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${c} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${c} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${c} * monotonic clock: POSIX clock_gettime`,
      `1:M ${c} * Running mode=standalone, port=6379.`,
      `1:M ${c} * Server initialized`,
      `1:M ${c} * Ready to accept connections tcp`,
    ]
      .map((l) => l + '\n')
      .join('')
    return running(log, [6379], 50, 100)
  }
}

const HTDOCS = '/usr/local/apache2/htdocs'
const APACHE_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`

function httpdForeground(version: string): Program {
  return (_argv, p) => {
    const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${p.env.podIP}. Set the 'ServerName' directive globally to suppress this message\n`
    const log = warn + warn + `[${apacheErrorTime(p.env.now())}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n` + `[${apacheErrorTime(p.env.now())}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`
    return running(log, [80], 100, 200)
  }
}

export function mysqlImage(tag: '8.0' | '5.7'): ImageBehavior {
  const version = tag === '8.0' ? '8.0.42-1.el9' : '5.7.44-1.el7'
  return defineImage({
    id: 'mysql',
    base: 'oraclelinux-9',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOSU_VERSION: '1.17', MYSQL_MAJOR: tag, MYSQL_VERSION: version, ...(tag === '8.0' ? { MYSQL_SHELL_VERSION: '8.0.42-1.el9' } : {}) },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    dirs: ['/var/lib/mysql', '/var/run/mysqld', '/docker-entrypoint-initdb.d', '/etc/mysql/conf.d'],
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'docker-entrypoint' },
    programs: { 'docker-entrypoint': mysqlEntrypoint(version) },
  })
}

export function postgresImage(): ImageBehavior {
  return defineImage({
    id: 'postgres',
    base: 'debian-bookworm',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin', PG_MAJOR: '16', PG_VERSION: '16.8-1.pgdg120+1', PGDATA: '/var/lib/postgresql/data' },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    dirs: ['/var/lib/postgresql/data', '/docker-entrypoint-initdb.d'],
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'docker-entrypoint' },
    programs: { 'docker-entrypoint': postgresEntrypoint },
  })
}

export function redisImage(): ImageBehavior {
  const version = '7.4.3'
  return defineImage({
    id: 'redis',
    base: 'debian-bookworm',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', REDIS_VERSION: version },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    workingDir: '/data',
    dirs: ['/data'],
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'passthrough', '/usr/local/bin/redis-server': 'redis-server' },
    programs: { passthrough: execArgs, 'redis-server': redisServer(version) },
  })
}

export function httpdImage(): ImageBehavior {
  const version = '2.4.63'
  return defineImage({
    id: 'httpd',
    base: 'debian-bookworm',
    env: { PATH: '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: version },
    entrypoint: [],
    cmd: ['httpd-foreground'],
    workingDir: '/usr/local/apache2',
    files: { [`${HTDOCS}/index.html`]: '<html><body><h1>It works!</h1></body></html>\n' },
    dirs: ['/usr/local/apache2/conf', '/usr/local/apache2/logs'],
    bins: { '/usr/local/bin/httpd-foreground': 'httpd-foreground' },
    programs: { 'httpd-foreground': httpdForeground(version) },
    http: (_port, req, env) => {
      const path = req.path.split('?')[0]
      const file = `${HTDOCS}${path.endsWith('/') ? path + 'index.html' : path}`
      const found = env.fs.exists(file) && !env.fs.isDir(file)
      const body = found ? env.fs.readFile(file) : APACHE_404
      const status = found ? 200 : 404
      env.log(`${req.remoteAddr ?? '127.0.0.1'} - - [${commonLogTime(env.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${new TextEncoder().encode(body).length}`)
      return { status, headers: { 'Content-Type': found ? 'text/html' : 'text/html; charset=iso-8859-1', 'Content-Length': String(body.length), Server: `Apache/${version} (Unix)` }, body }
    },
  })
}

/** An entrypoint that only execs its arguments (redis' docker-entrypoint.sh for a plain redis-server). */
const execArgs: Program = (argv, p) => {
  const next = p.image.programs[p.image.bins.get(`/usr/local/bin/${argv[1]}`) ?? argv[1]]
  return next ? next(argv.slice(1), p) : done(127, '', `/usr/local/bin/docker-entrypoint.sh: 16: exec: ${argv[1]}: not found\n`)
}
