// hostname(1) in a pod. The name is the pod's (spec.hostname or its name); -f and -i resolve it the
// way the tools do — gethostbyname, which finds the kubelet's /etc/hosts line `10.244.1.5
// web-0.nginx.default.svc.cluster.local web-0`, so -f is the FQDN only for pods with a subdomain.
// busybox (networking/hostname.c) and net-tools word their output and errors differently.

import { getaddrinfo } from '../stub-resolver'
import { libcResolver, Output, type DnsToolEnv, type ToolResult } from './env'

export function hostname(argv: readonly string[], env: DnsToolEnv, flavor: 'busybox' | 'gnu'): ToolResult {
  const o = new Output()
  const flags = new Set<string>()
  const operands: string[] = []
  for (const a of argv.slice(1)) {
    if (a === '--fqdn' || a === '--long') flags.add('f')
    else if (a === '--domain') flags.add('d')
    else if (a === '--short') flags.add('s')
    else if (a === '--ip-address') flags.add('i')
    else if (a === '--all-ip-addresses') flags.add('I')
    else if (/^-[a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) flags.add(c)
    else operands.push(a)
  }
  const name = env.hostname
  if (operands.length && !flags.has('f') && !flags.has('d') && !flags.has('i')) {
    // Containers lack CAP_SYS_ADMIN: sethostname fails with EPERM.
    if (flavor === 'busybox') o.err('hostname: sethostname: Operation not permitted\n')
    else o.err('hostname: you must be root to change the host name\n')
    return o.result(1)
  }
  if (flags.has('I')) {
    o.out(env.podIPs.map((ip) => ip + ' ').join('') + '\n')
    return o.result(0)
  }
  if (flags.has('f') || flags.has('d') || flags.has('i')) {
    const r = getaddrinfo(libcResolver(env), name)
    if (!r.addresses.length) {
      if (flavor === 'busybox') o.err(`hostname: bad address '${name}'\n`)
      else o.err('hostname: Name or service not known\n')
      return o.result(1)
    }
    const canonical = r.canonical ?? name
    const dot = canonical.indexOf('.')
    if (flags.has('f')) o.out(canonical + '\n')
    else if (flags.has('d')) o.out(dot >= 0 ? canonical.slice(dot + 1) + '\n' : flavor === 'gnu' ? '\n' : '')
    else {
      const v4 = r.addresses.filter((a) => !a.includes(':'))
      // busybox separates addresses with spaces; net-tools prints each followed by one.
      o.out(flavor === 'busybox' ? v4.join(' ') + '\n' : r.addresses.map((a) => a + ' ').join('') + '\n')
    }
    return o.result(0)
  }
  o.out((flags.has('s') ? name.split('.')[0] : name) + '\n')
  return o.result(0)
}
