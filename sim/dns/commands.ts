// The DNS tools as shell commands inside a container (sim/shell/types.ts Command): nslookup in the
// flavour of the image, dig and host where bind's dnsutils are installed, and hostname. A command
// knows which container it runs in through ContainerToolContext; everything else comes from the
// Simulation (API objects for the resolver, the clock, the seeded RNG) and the container's files.

import type { Pod } from '../api/types'
import type { Command, CommandContext } from '../shell/types'
import type { Simulation } from '../simulation'
import { clusterResolver } from './resolver'
import { hostsFile, podHostname, resolvConf } from './pod-files'
import type { UpstreamRecords } from './upstream'
import type { DnsToolEnv, ToolResult } from './tools/env'
import { busyboxNewNslookup, busyboxOldNslookup } from './tools/nslookup-busybox'
import { bindNslookup } from './tools/nslookup-bind'
import { dig } from './tools/dig'
import { host } from './tools/host'
import { hostname } from './tools/hostname'
import { dnsToolsForImage, type ImageDnsTools } from './tools/variants'

/** Which container a tool runs in; given when the container's shell (or `kubectl exec`) is set up. */
export interface ContainerToolContext {
  namespace: string
  pod: string
  container: string
  /** The container's image as the pod spec names it (`busybox:1.28`), which picks the tool flavours. */
  image: string
  /** Names the cluster's upstream resolver knows; default: the cluster config's dnsUpstream (none). */
  upstream?: UpstreamRecords
}

function readFile(ctx: CommandContext, path: string): string | undefined {
  try {
    return ctx.fs.exists(path) ? ctx.fs.readFile(path) : undefined
  } catch {
    return undefined
  }
}

/** The tool environment of this container, now: resolver over the current API objects, its files. */
export function toolEnv(sim: Simulation, tool: ContainerToolContext, files: { resolvConf?: string; hosts?: string }, now: number): DnsToolEnv {
  const pod: Pod | undefined = sim.api.get('Pod', tool.namespace, tool.pod)
  const { view, query } = clusterResolver(sim.api, sim.config, { now, rng: sim.rng, upstream: tool.upstream ?? sim.config.dnsUpstream })
  // Queries reach CoreDNS through the kube-dns Service or a CoreDNS pod directly.
  const dnsEndpoints = view.endpoints.filter((e) => e.namespace === 'kube-system' && e.service === 'kube-dns').flatMap((e) => e.addresses.map((a) => a.ip))
  const podIPs = pod?.status?.podIPs?.map((p) => p.ip).filter((ip): ip is string => !!ip) ?? (pod?.status?.podIP ? [pod.status.podIP] : [])
  return {
    query,
    answers: (server) => view.serving && (view.nameservers.includes(server) || dnsEndpoints.includes(server)),
    resolvConf: files.resolvConf ?? (pod ? resolvConf(pod, sim.config) : ''),
    hosts: files.hosts ?? (pod ? hostsFile(pod, sim.config) : ''),
    hostname: pod ? podHostname(pod) : tool.pod,
    podIPs,
    now,
    rng: sim.rng,
  }
}

type Runner = (argv: readonly string[], env: DnsToolEnv) => ToolResult

function command(name: string, tool: ContainerToolContext, runner: Runner): Command {
  return {
    name,
    async run(ctx) {
      const files = { resolvConf: readFile(ctx, '/etc/resolv.conf'), hosts: readFile(ctx, '/etc/hosts') }
      const r = runner(ctx.argv, toolEnv(ctx.sim, tool, files, ctx.time.now()))
      // A resolver waiting for a server that never answers lets time pass (Ctrl-C stops it).
      if (r.delayMs > 0 && !(await ctx.time.sleep(r.delayMs, ctx.cancel))) return 130
      for (const c of r.output) (c.stream === 'stdout' ? ctx.stdout : ctx.stderr)(c.text)
      return r.exitCode
    },
  }
}

/** The tools of an image as runners, by command name. */
export function dnsRunners(tools: ImageDnsTools): Record<string, Runner> {
  const out: Record<string, Runner> = { hostname: (argv, env) => hostname(argv, env, tools.hostname) }
  const ns = tools.nslookup
  if (ns?.kind === 'busybox-old') out.nslookup = busyboxOldNslookup
  else if (ns?.kind === 'busybox-new') out.nslookup = (argv, env) => busyboxNewNslookup(argv, env, ns)
  else if (ns?.kind === 'bind') out.nslookup = (argv, env) => bindNslookup(argv, env, ns.bind)
  if (tools.bind) {
    const bind = tools.bind
    out.dig = (argv, env) => dig(argv, env, bind)
    out.host = (argv, env) => host(argv, env, bind)
  }
  return out
}

/** The DNS commands the container's image has: hostname always, nslookup/dig/host by image. */
export function dnsCommands(tool: ContainerToolContext): Command[] {
  return Object.entries(dnsRunners(dnsToolsForImage(tool.image))).map(([name, runner]) => command(name, tool, runner))
}
