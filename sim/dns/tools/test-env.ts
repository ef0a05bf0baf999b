// Test support: a tool environment in the §10 world, seen from a debug pod `dns-test` (default
// namespace, no subdomain) or from a pod of the StatefulSet. Answers can be put in a given order
// (the reference's transcripts show one particular loadbalance shuffle). Imported by tests only.

import type { Rng } from '../../core/rng'
import { fromCivil } from '../../core/time'
import { buildDnsView } from '../cluster-view'
import { fixturePod, webWorld, type WebWorldOptions } from '../fixture'
import { hostsFile, resolvConf } from '../pod-files'
import { createResolver, type Shuffle } from '../resolver'
import type { RR } from '../types'
import type { DnsToolEnv } from './env'

/** 2024-07-16 10:27:02 UTC, the WHEN of §11.14. */
export const WORLD_NOW = fromCivil(2024, 7, 16, 10, 27, 2)

const CONFIG = { clusterDomain: 'cluster.local', clusterDNSIP: '10.96.0.10' }

/** A "shuffle" that puts address records in the order of `ips` (others keep their place). */
export function orderBy(ips: readonly string[]): Shuffle {
  const rank = (x: unknown) => {
    const r = x as RR
    return r.type === 'A' || r.type === 'AAAA' ? ips.indexOf(r.address) : -1
  }
  return <T>(items: readonly T[]) => items.slice().sort((a, b) => rank(a) - rank(b))
}

/** An Rng stand-in that always draws the same values (dig's id 41235 and COOKIE of §11.14). */
export function fixedRng(id = 41235, cookie = '8d2c5e6f1a3b4c7d'): Rng {
  return { int: () => id, hex: () => cookie, next: () => 0 } as unknown as Rng
}

export interface TestEnvOptions extends WebWorldOptions {
  /** The pod the tool runs in: the debug pod (default) or e.g. web-0. */
  from?: 'dns-test' | 'web-0'
  shuffle?: Shuffle
  rng?: Rng
  upstream?: Record<string, { A?: string[] }>
}

export function testEnv(opts: TestEnvOptions = {}): DnsToolEnv {
  const view = buildDnsView(webWorld(opts), CONFIG.clusterDNSIP)
  const query = createResolver(view, { zone: 'cluster.local', now: WORLD_NOW, shuffle: opts.shuffle ?? orderBy([]), upstream: opts.upstream })
  const pod =
    opts.from === 'web-0'
      ? fixturePod({ name: 'web-0', ip: '10.244.1.5' })
      : fixturePod({ name: 'dns-test', ip: '10.244.2.7', hostname: null, subdomain: null, labels: { run: 'dns-test' } })
  return {
    query,
    answers: (server) => view.serving && view.nameservers.includes(server),
    resolvConf: resolvConf(pod, CONFIG),
    hosts: hostsFile(pod, CONFIG),
    hostname: pod.spec?.hostname ?? pod.metadata!.name!,
    podIPs: [pod.status!.podIP!],
    now: WORLD_NOW,
    rng: opts.rng ?? fixedRng(),
  }
}

/** The reference's notation: `→` is a TAB. */
export const tabs = (s: string) => s.replaceAll('→', '\t')
