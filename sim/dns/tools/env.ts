// What the DNS tools of a container need from the world, as plain data and functions: the cluster
// DNS service, which server addresses answer, the container's /etc/resolv.conf and /etc/hosts, its
// hostname, the virtual clock and seeded randomness. Tools are pure functions of argv and this.

import type { Rng } from '../../core/rng'
import type { OutputChunk } from '../../shell/types'
import type { QueryFn } from '../types'
import { parseHosts, parseResolvConf, type LibcResolver } from '../stub-resolver'

export interface DnsToolEnv {
  /** The cluster DNS service (kube-dns → CoreDNS). */
  query: QueryFn
  /** Whether a nameserver address answers at all (kube-dns while a CoreDNS pod is ready). */
  answers(server: string): boolean
  /** The container's /etc/resolv.conf and /etc/hosts. */
  resolvConf: string
  hosts: string
  /** gethostname(): the pod's hostname (spec.hostname or its name). */
  hostname: string
  /** The pod's addresses (hostname -I). */
  podIPs: readonly string[]
  now: number
  /** Query ids, cookies, query times. */
  rng: Rng
}

/** The outcome of a tool: output in the order written, exit status, and how long it took. */
export interface ToolResult {
  output: OutputChunk[]
  exitCode: number
  /** Virtual time the tool spends before its output is complete (resolver timeouts). */
  delayMs: number
}

export class Output {
  readonly chunks: OutputChunk[] = []

  out(text: string): void {
    this.push('stdout', text)
  }

  err(text: string): void {
    this.push('stderr', text)
  }

  private push(stream: OutputChunk['stream'], text: string) {
    if (!text) return
    const last = this.chunks[this.chunks.length - 1]
    if (last && last.stream === stream) last.text += text
    else this.chunks.push({ stream, text })
  }

  result(exitCode: number, delayMs = 0): ToolResult {
    return { output: this.chunks, exitCode, delayMs }
  }
}

export const stdoutOf = (r: ToolResult) => r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
export const stderrOf = (r: ToolResult) => r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')

/** The libc view of the environment: hosts file, resolver config, and a query that times out when the server does not answer. */
export function libcResolver(env: DnsToolEnv, server?: string): LibcResolver & { reachable: boolean } {
  const conf = parseResolvConf(env.resolvConf)
  const ns = server ?? conf.nameservers[0] ?? '127.0.0.1'
  const reachable = env.answers(ns)
  return {
    hosts: parseHosts(env.hosts),
    conf,
    reachable,
    // A server that does not answer leaves every query unanswered; libc gives up with no address.
    query: reachable ? env.query : (name, type) => ({ question: { name, type }, rcode: 'SERVFAIL', aa: false, ra: false, answer: [], authority: [], additional: [] }),
  }
}

/** resolv.conf's defaults for a resolver that times out: 5 s per try (RES_TIMEOUT), 2 attempts. */
export const RESOLV_TIMEOUT_MS = 5000
export const RESOLV_ATTEMPTS = 2
