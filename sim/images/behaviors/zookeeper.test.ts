import { describe, expect, it } from 'vitest'
import { fromCivil } from '../../core/time'
import { fakeContainer } from '../fake-env'
import { zookeeperImage } from './zookeeper'

const T = fromCivil(2016, 12, 6, 19, 34, 16) + 236

// The env of seed 001's zk StatefulSet (ZK_SYNC_LIMIT reads the ConfigMap's "tick" key, as there).
const SEED_001_ENV = {
  ZK_ENSEMBLE: 'zk-0;zk-1;zk-2',
  ZK_HEAP_SIZE: '2G',
  ZK_TICK_TIME: '2000',
  ZK_INIT_LIMIT: '10',
  ZK_SYNC_LIMIT: '2000',
  ZK_MAX_CLIENT_CNXNS: '60',
  ZK_SNAP_RETAIN_COUNT: '3',
  ZK_PURGE_INTERVAL: '1',
  ZK_CLIENT_PORT: '2181',
  ZK_SERVER_PORT: '2888',
  ZK_ELECTION_PORT: '3888',
}
const SEED_001_COMMAND = ['sh', '-c', 'zkGenConfig.sh && zkServer.sh start-foreground']

describe('k8szk (seed 001)', () => {
  const zk = zookeeperImage('k8szk')

  function started(podName = 'zk-0') {
    const c = fakeContainer(zk, { podName, subdomain: 'zk-headless', env: SEED_001_ENV, now: T, startedAt: T, mounts: { '/var/lib/zookeeper': {} } })
    const plan = zk.plan({ command: SEED_001_COMMAND }, c.env)
    return { c, plan }
  }

  it('writes zoo.cfg the way the tutorial shows it', () => {
    const { c } = started()
    // "Running ZooKeeper" tutorial (k8szk era): `kubectl exec zk-0 -- cat /opt/zookeeper/conf/zoo.cfg`.
    expect(c.fs.readFile('/opt/zookeeper/conf/zoo.cfg')).toBe(
      [
        'clientPort=2181',
        'dataDir=/var/lib/zookeeper/data',
        'dataLogDir=/var/lib/zookeeper/log',
        'tickTime=2000',
        'initLimit=10',
        'syncLimit=2000',
        'maxClientCnxns=60',
        'minSessionTimeout= 4000',
        'maxSessionTimeout= 40000',
        'autopurge.snapRetainCount=3',
        'autopurge.purgeInterval=1',
        'server.1=zk-0.zk-headless.default.svc.cluster.local:2888:3888',
        'server.2=zk-1.zk-headless.default.svc.cluster.local:2888:3888',
        'server.3=zk-2.zk-headless.default.svc.cluster.local:2888:3888',
        '',
      ].join('\n'),
    )
  })

  it('gives each server its ordinal + 1 as myid', () => {
    expect(started('zk-0').c.fs.readFile('/var/lib/zookeeper/data/myid')).toBe('1\n')
    expect(started('zk-2').c.fs.readFile('/var/lib/zookeeper/data/myid')).toBe('3\n')
  })

  it('runs the server on 2181/2888/3888 after the JVM starts, under an sh that ignores SIGTERM', () => {
    const { plan } = started()
    expect(plan.exit).toBeUndefined()
    expect(plan.listens).toEqual([2181, 2888, 3888])
    expect(plan.listenAfterMs).toBeGreaterThanOrEqual(2000)
    expect(plan.onSigterm).toBe('ignore')
    expect(plan.startupLog).toContain('ZooKeeper JMX enabled by default')
    expect(plan.startupLog).toContain('Using config: /usr/bin/../etc/zookeeper/zoo.cfg')
  })

  it('fails zkOk.sh while the JVM is starting and passes once it answers imok', () => {
    const { c } = started()
    expect(zk.exec!(['zkOk.sh'], c.env)?.exitCode).toBe(1)
    c.clock.now = T + 15_000
    expect(zk.exec!(['zkOk.sh'], c.env)?.exitCode).toBe(0)
  })

  it('logs each ruok connection like ZooKeeper 3.4 does', () => {
    const { c } = started()
    c.log.length = 0
    zk.exec!(['zkOk.sh'], c.env)
    c.clock.now = T + 10_000
    zk.exec!(['zkOk.sh'], c.env)
    expect(c.log.map((l) => l.replace(/^[\d-]+ [\d:,]+ /, ''))).toEqual([
      '[myid:1] - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@192] - Accepted socket connection from /127.0.0.1:52740',
      '[myid:1] - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@827] - Processing ruok command from /127.0.0.1:52740',
      '[myid:1] - INFO  [Thread-1:NIOServerCnxn@1008] - Closed socket connection for client /127.0.0.1:52740 (no session established for client)',
    ])
  })

  it('answers ruok through nc', () => {
    const { c } = started()
    c.clock.now = T + 5000
    expect(zk.exec!(['sh', '-c', 'echo ruok | nc 127.0.0.1 2181'], c.env)).toMatchObject({ exitCode: 0, stdout: 'imok' })
  })

  it('stops at validation without ZK_ENSEMBLE', () => {
    const c = fakeContainer(zk, { podName: 'zk-0' })
    const plan = zk.plan({ command: SEED_001_COMMAND }, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 1 })
    expect(plan.startupLog).toEqual(['Starting environment validation', 'ZK_ENSEMBLE is a mandatory environment variable.'])
  })

  it('exits at once with no command (its CMD is bash)', () => {
    const c = fakeContainer(zk)
    expect(zk.plan({}, c.env).exit).toEqual({ afterMs: 0, exitCode: 0 })
  })
})

describe('kubernetes-zookeeper (Running ZooKeeper tutorial)', () => {
  const zk = zookeeperImage('kubernetes-zookeeper')
  const command = [
    'sh',
    '-c',
    'start-zookeeper --servers=3 --data_dir=/var/lib/zookeeper/data --data_log_dir=/var/lib/zookeeper/data/log --conf_dir=/opt/zookeeper/conf --client_port=2181 --election_port=3888 --server_port=2888 --tick_time=2000 --init_limit=10 --sync_limit=5 --heap=512M --max_client_cnxns=60 --snap_retain_count=3 --purge_interval=12 --max_session_timeout=40000 --min_session_timeout=4000 --log_level=INFO',
  ]

  it('writes the autogenerated zoo.cfg of the tutorial', () => {
    const c = fakeContainer(zk, { podName: 'zk-1', subdomain: 'zk-hs', mounts: { '/var/lib/zookeeper': {} } })
    const plan = zk.plan({ command }, c.env)
    const cfg = [
      '#This file was autogenerated DO NOT EDIT',
      'clientPort=2181',
      'dataDir=/var/lib/zookeeper/data',
      'dataLogDir=/var/lib/zookeeper/data/log',
      'tickTime=2000',
      'initLimit=10',
      'syncLimit=5',
      'maxClientCnxns=60',
      'minSessionTimeout=4000',
      'maxSessionTimeout=40000',
      'autopurge.snapRetainCount=3',
      'autopurge.purgeInteval=12',
      'server.1=zk-0.zk-hs.default.svc.cluster.local:2888:3888',
      'server.2=zk-1.zk-hs.default.svc.cluster.local:2888:3888',
      'server.3=zk-2.zk-hs.default.svc.cluster.local:2888:3888',
    ]
    expect(c.fs.readFile('/opt/zookeeper/conf/zoo.cfg')).toBe(cfg.join('\n') + '\n')
    expect(c.fs.readFile('/var/lib/zookeeper/data/myid')).toBe('2\n')
    expect(plan.startupLog?.slice(0, cfg.length + 1)).toEqual([...cfg, 'Creating ZooKeeper log4j configuration'])
  })

  it('answers the zookeeper-ready probe once serving', () => {
    const c = fakeContainer(zk, { podName: 'zk-0', subdomain: 'zk-hs', startedAt: 0, mounts: { '/var/lib/zookeeper': {} } })
    zk.plan({ command }, c.env)
    c.clock.now = 10_000
    expect(zk.exec!(['sh', '-c', 'zookeeper-ready 2181'], c.env)?.exitCode).toBe(0)
  })
})
