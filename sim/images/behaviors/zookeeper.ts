// ZooKeeper images of the StatefulSet tutorials: gcr.io/google_samples/k8szk:v1 (kubernetes/contrib
// statefulsets/zookeeper: zkGenConfig.sh, zkOk.sh; ZooKeeper 3.4.9) and
// registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10 (start-zookeeper, zookeeper-ready). Both: Ubuntu
// 16.04 + OpenJDK 8, no CMD of their own. The server listens on 2181 (clients), 2888 and 3888
// (quorum) once the JVM is up; `ruok` answers `imok`, which is what the readiness probes ask.

import { normalizePath } from '../../storage/memfs'
import { log4jTime } from '../time-format'
import { done, type Program, type Proc } from '../shell/types'
import type { ContainerFs, ImageBehavior } from '../types'
import { defineImage } from './define'

const CONF_DIR = '/opt/zookeeper/conf'
const ZOO_CFG = `${CONF_DIR}/zoo.cfg`
/** How long the JVM takes to bind 2181 after zkServer.sh starts it. */
const JVM_START_MS = 2500

const LOG4J = (level: string) =>
  [
    'zookeeper.root.logger=CONSOLE',
    `zookeeper.console.threshold=${level}`,
    'log4j.rootLogger=${zookeeper.root.logger}',
    'log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender',
    'log4j.appender.CONSOLE.Threshold=${zookeeper.console.threshold}',
    'log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.CONSOLE.layout.ConversionPattern=%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n',
  ]
    .map((l) => l + '\n')
    .join('')

function domainOf(p: Proc): string {
  const f = p.env.fqdn
  return f.includes('.') ? f.slice(f.indexOf('.') + 1) : ''
}

function write(fs: ContainerFs, path: string, text: string): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true })
  fs.writeFile(path, text)
}

/** zkGenConfig.sh (k8szk): configuration from ZK_* variables; ZK_ENSEMBLE lists the hosts. */
const zkGenConfig: Program = (_argv, p) => {
  const v = (name: string, dflt: string) => p.vars[name] || dflt
  const tick = Number(v('ZK_TICK_TIME', '2000'))
  const c = {
    logLevel: v('ZK_LOG_LEVEL', 'INFO'),
    dataDir: v('ZK_DATA_DIR', '/var/lib/zookeeper/data'),
    dataLogDir: v('ZK_DATA_LOG_DIR', '/var/lib/zookeeper/log'),
    logDir: v('ZK_LOG_DIR', 'var/log/zookeeper'),
    clientPort: v('ZK_CLIENT_PORT', '2181'),
    serverPort: v('ZK_SERVER_PORT', '2888'),
    electionPort: v('ZK_ELECTION_PORT', '3888'),
    tick: String(tick),
    init: v('ZK_INIT_LIMIT', '10'),
    sync: v('ZK_SYNC_LIMIT', '5'),
    heap: v('ZK_HEAP_SIZE', '2G'),
    cnxns: v('ZK_MAX_CLIENT_CNXNS', '60'),
    // `${ZK_MIN_SESSION_TIMEOUT:- $((ZK_TICK_TIME*2))}`: the default keeps the script's leading space.
    minSession: v('ZK_MIN_SESSION_TIMEOUT', ` ${tick * 2}`),
    maxSession: v('ZK_MAX_SESSION_TIMEOUT', ` ${tick * 20}`),
    snapRetain: v('ZK_SNAP_RETAIN_COUNT', '3'),
    purge: v('ZK_PURGE_INTERVAL', '0'),
  }
  let out = 'Starting environment validation\n'
  const ensemble = p.vars.ZK_ENSEMBLE
  if (!ensemble) return done(1, out + 'ZK_ENSEMBLE is a mandatory environment variable.\n')
  out += `ZK_ENSEMBLE=${ensemble}\n`
  const host = p.env.hostname.split('.')[0]
  const servers = ensemble.split(';').filter(Boolean)
  const myId = servers.indexOf(host) + 1
  if (!myId) return done(1, out + `Could not find configured hostname ${host} in ${ensemble}\n`)
  out += `MY_ID=${myId}\n`
  const show: [string, string][] = [
    ['ZK_LOG_LEVEL', c.logLevel], ['ZK_DATA_DIR', c.dataDir], ['ZK_DATA_LOG_DIR', c.dataLogDir], ['ZK_LOG_DIR', c.logDir],
    ['ZK_CLIENT_PORT', c.clientPort], ['ZK_SERVER_PORT', c.serverPort], ['ZK_ELECTION_PORT', c.electionPort], ['ZK_TICK_TIME', c.tick],
    ['ZK_INIT_LIMIT', c.init], ['ZK_SYNC_LIMIT', c.sync], ['ZK_MAX_CLIENT_CNXNS', c.cnxns], ['ZK_MIN_SESSION_TIMEOUT', c.minSession],
    ['ZK_MAX_SESSION_TIMEOUT', c.maxSession], ['ZK_HEAP_SIZE', c.heap], ['ZK_SNAP_RETAIN_COUNT', c.snapRetain], ['ZK_PURGE_INTERVAL', c.purge],
  ]
  for (const [k, val] of show) out += `${k}=${val}\n`
  out += 'Enviorment validation successful\n'
  const domain = domainOf(p)
  let cfg = `clientPort=${c.clientPort}\ndataDir=${c.dataDir}\ndataLogDir=${c.dataLogDir}\ntickTime=${c.tick}\ninitLimit=${c.init}\nsyncLimit=${c.sync}\n`
  cfg += `maxClientCnxns=${c.cnxns}\nminSessionTimeout=${c.minSession}\nmaxSessionTimeout=${c.maxSession}\nautopurge.snapRetainCount=${c.snapRetain}\nautopurge.purgeInterval=${c.purge}\n`
  if (servers.length > 1) servers.forEach((s, i) => (cfg += `server.${i + 1}=${s}.${domain}:${c.serverPort}:${c.electionPort}\n`))
  const fs = p.env.fs
  write(fs, ZOO_CFG, cfg)
  out += `Creating ZooKeeper configuration in ${ZOO_CFG}\nZooKeeper configuration file written to ${ZOO_CFG}\n${cfg}`
  write(fs, `${CONF_DIR}/log4j.properties`, LOG4J(c.logLevel))
  out += `Creating ZooKeeper log4j configuration in ${CONF_DIR}/log4j.properties\nWrote log4j configuration to ${CONF_DIR}/log4j.properties\n${LOG4J(c.logLevel)}`
  for (const [dir, label] of [[c.dataDir, 'Data Directory'], [c.dataLogDir, 'Data Log Directory']] as const) {
    const path = normalizePath(dir)
    if (!fs.exists(path)) {
      fs.mkdir(path, { parents: true })
      out += `Created ZooKeeper ${label}\n`
    } else out += `ZooKeeper ${label}\n`
  }
  const idFile = normalizePath(`${c.dataDir}/myid`)
  out += `Crateing ZooKeeper ensemble id file ${idFile}\n`
  if (!fs.exists(idFile)) fs.writeFile(idFile, `${myId}\n`)
  out += `ZooKeeper ensemble id written to ${idFile}\n${fs.readFile(idFile)}`
  const javaEnv = `ZOO_LOG_DIR=${c.logDir}\nJVMFLAGS="-Xmx${c.heap} -Xms${c.heap}"\n`
  write(fs, `${CONF_DIR}/java.env`, javaEnv)
  out += `Creating JVM configuration file ${CONF_DIR}/java.env\nWrote JVM configuration to ${CONF_DIR}/java.env\n${javaEnv}`
  return done(0, out)
}

/** start-zookeeper (kubernetes-zookeeper): the same from --flags, then `exec zkServer.sh start-foreground`. */
const startZookeeper: Program = (argv, p) => {
  const opt: Record<string, string> = {
    servers: '1', data_dir: '/var/lib/zookeeper/data', data_log_dir: '/var/lib/zookeeper/data/log', conf_dir: CONF_DIR, client_port: '2181',
    election_port: '3888', server_port: '2888', tick_time: '2000', init_limit: '10', sync_limit: '5', heap: '2G', max_client_cnxns: '60',
    snap_retain_count: '3', purge_interval: '0', max_session_timeout: '40000', min_session_timeout: '4000', log_level: 'INFO',
  }
  for (const a of argv.slice(1)) {
    const m = /^--([a-z_]+)=(.*)$/.exec(a)
    if (m) opt[m[1]] = m[2]
  }
  const m = /^(.*)-([0-9]+)$/.exec(p.env.hostname.split('.')[0])
  if (!m) return done(1, 'Fialed to parse name and ordinal of Pod\n')
  const [, name, ord] = m
  const servers = Number(opt.servers)
  const domain = domainOf(p)
  let cfg = '#This file was autogenerated DO NOT EDIT\n'
  cfg += `clientPort=${opt.client_port}\ndataDir=${opt.data_dir}\ndataLogDir=${opt.data_log_dir}\ntickTime=${opt.tick_time}\ninitLimit=${opt.init_limit}\n`
  cfg += `syncLimit=${opt.sync_limit}\nmaxClientCnxns=${opt.max_client_cnxns}\nminSessionTimeout=${opt.min_session_timeout}\nmaxSessionTimeout=${opt.max_session_timeout}\n`
  cfg += `autopurge.snapRetainCount=${opt.snap_retain_count}\nautopurge.purgeInteval=${opt.purge_interval}\n`
  if (servers > 1) for (let i = 1; i <= servers; i++) cfg += `server.${i}=${name}-${i - 1}.${domain}:${opt.server_port}:${opt.election_port}\n`
  const fs = p.env.fs
  const confDir = normalizePath(opt.conf_dir)
  write(fs, `${confDir}/zoo.cfg`, cfg)
  write(fs, `${confDir}/log4j.properties`, LOG4J(opt.log_level))
  write(fs, `${confDir}/java.env`, `ZOO_LOG_DIR=/var/log/zookeeper\nJVMFLAGS="-Xmx${opt.heap} -Xms${opt.heap}"\n`)
  for (const d of [opt.data_dir, opt.data_log_dir, '/var/log/zookeeper']) fs.mkdir(normalizePath(d), { parents: true })
  const idFile = normalizePath(`${opt.data_dir}/myid`)
  if (!fs.exists(idFile) && servers > 1) fs.writeFile(idFile, `${Number(ord) + 1}\n`)
  const server = zkServer(['zkServer.sh', 'start-foreground'], p)
  const out = cfg + 'Creating ZooKeeper log4j configuration\n'
  return { ...server, out: out + server.out, log: out + server.log }
}

/** The config zkServer.sh uses: /usr/bin/../etc/zookeeper/zoo.cfg, a link to /opt/zookeeper/conf. */
const CONFIG_SHOWN = '/usr/bin/../etc/zookeeper/zoo.cfg'

const zkServer: Program = (argv, p) => {
  let err = 'ZooKeeper JMX enabled by default\nUsing config: ' + CONFIG_SHOWN + '\n'
  if (argv[1] !== 'start-foreground') return done(1, '', err + 'Usage: /usr/bin/zkServer.sh {start|start-foreground|stop|restart|status|upgrade|print-cmd}\n')
  if (!p.env.fs.exists(ZOO_CFG)) {
    err += 'Invalid config, exiting abnormally\n'
    return done(2, '', err)
  }
  // ZooKeeper creates version-2 under its data directories when it starts.
  const dataDir = /^dataDir=(.*)$/m.exec(p.env.fs.readFile(ZOO_CFG))?.[1]?.trim()
  if (dataDir) p.env.fs.mkdir(normalizePath(`${dataDir}/version-2`), { parents: true })
  return {
    status: 'running',
    out: '',
    err,
    log: err,
    ms: 0,
    serve: { listens: [2181, 2888, 3888], listenAfterMs: JVM_START_MS },
    // The JVM's default SIGTERM handling: shutdown hooks, then exit 128+15.
    sigterm: { exitAfterMs: 500, exitCode: 143 },
  }
}

function dataDirOf(p: Proc): string | undefined {
  const cfg = p.env.fs.exists(ZOO_CFG) ? p.env.fs.readFile(ZOO_CFG) : ''
  const dir = /^dataDir=(.*)$/m.exec(cfg)?.[1]?.trim()
  return dir ? normalizePath(dir) : undefined
}

/** 2181 answers once the JVM has started the server (exec runs beside the main process). */
function serving(p: Proc): boolean {
  const dataDir = dataDirOf(p)
  if (!dataDir || !p.env.fs.exists(`${dataDir}/version-2`)) return false
  return p.env.startedAt === undefined || p.env.now() >= p.env.startedAt + JVM_START_MS
}

/** Ephemeral client ports and handler threads for the server's log of each four-letter-word connection. */
const counters = new WeakMap<ContainerFs, number>()

/** A `ruok` over TCP: the server logs the connection (NIOServerCnxn, ZooKeeper 3.4) and answers imok. */
function ruok(p: Proc): string | undefined {
  if (!serving(p)) return undefined
  const n = (counters.get(p.env.fs) ?? 0) + 1
  counters.set(p.env.fs, n)
  const port = 52739 + n
  const idFile = `${dataDirOf(p)}/myid`
  const myid = p.env.fs.exists(idFile) ? p.env.fs.readFile(idFile).trim() : ''
  const t = log4jTime(p.env.now())
  const prefix = `${t} [myid:${myid}] - INFO  `
  p.env.log(`${prefix}[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@192] - Accepted socket connection from /127.0.0.1:${port}`)
  p.env.log(`${prefix}[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@827] - Processing ruok command from /127.0.0.1:${port}`)
  p.env.log(`${prefix}[Thread-${n}:NIOServerCnxn@1008] - Closed socket connection for client /127.0.0.1:${port} (no session established for client)`)
  return 'imok'
}

/** zkOk.sh / zookeeper-ready: `echo ruok | nc 127.0.0.1 $PORT` must say imok. */
const zkOk: Program = (_argv, p) => (ruok(p) === 'imok' ? done(0) : done(1))

/** nc HOST PORT with a four-letter word on stdin (only ruok is answered here). */
const nc: Program = (argv, p) => {
  const ops = argv.slice(1).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-q' && all[i - 1] !== '-w')
  const [host, port] = ops
  if (!host || !port) return done(1, '', 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n')
  if (!['127.0.0.1', 'localhost', p.env.podIP].includes(host) || port !== '2181') return done(1)
  const word = (p.stdin ?? '').trim()
  if (word !== 'ruok') return serving(p) ? done(0) : done(1)
  const answer = ruok(p)
  return answer ? done(0, answer) : done(1)
}

export function zookeeperImage(flavor: 'k8szk' | 'kubernetes-zookeeper'): ImageBehavior {
  const zkDist = flavor === 'k8szk' ? 'zookeeper-3.4.9' : 'zookeeper-3.4.10'
  const scripts = flavor === 'k8szk' ? { 'zkGenConfig.sh': 'zkGenConfig', 'zkOk.sh': 'zkOk' } : { 'start-zookeeper': 'start-zookeeper', 'zookeeper-ready': 'zkOk' }
  const bins: Record<string, string> = { '/bin/nc': 'nc', '/bin/nc.openbsd': 'nc' }
  for (const [file, prog] of Object.entries({ 'zkServer.sh': 'zkServer', ...scripts })) {
    bins[`/opt/${zkDist}/bin/${file}`] = prog
    bins[`/usr/bin/${file}`] = prog
  }
  return defineImage({
    id: 'zookeeper',
    base: 'ubuntu-xenial',
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ZK_USER: 'zookeeper',
      ZK_DATA_DIR: '/var/lib/zookeeper/data',
      ZK_DATA_LOG_DIR: '/var/lib/zookeeper/log',
      ZK_LOG_DIR: '/var/log/zookeeper',
      JAVA_HOME: '/usr/lib/jvm/java-8-openjdk-amd64',
    },
    entrypoint: [],
    cmd: ['/bin/bash'],
    files: { [`/opt/${zkDist}/${zkDist}.jar`]: '' },
    dirs: ['/opt/zookeeper/conf', '/var/lib/zookeeper/data', '/var/lib/zookeeper/log', '/var/log/zookeeper', '/tmp/zookeeper', '/usr/share/zookeeper'],
    bins,
    programs: { zkGenConfig, 'start-zookeeper': startZookeeper, zkServer, zkOk, nc },
  })
}
