// `kubectl cluster-info` (kubectl pkg/cmd/clusterinfo/clusterinfo.go): the control plane's address
// and, for each Service labelled kubernetes.io/cluster-service=true in kube-system (or -n), its API
// server proxy URL (or its load balancer address). kubectl dropped the terminal colours in 1.32, so
// the lines are plain. `cluster-info dump` is not offered here.

import type { Obj } from '../../api/types'
import { parseSelector } from '../../api/selectors'
import type { KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { serverUrl } from './config-view'

type Service = Obj<'Service'>

/** utilnet.JoinSchemeNamePort: `name`, `name:port` or `scheme:name:port`. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`
  return port ? `${name}:${port}` : name
}

function link(host: string, svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0]
  if (ingress) {
    const ip = ingress.ip || ingress.hostname || ''
    return (svc.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('')
  }
  let name = svc.metadata.name ?? ''
  const port = svc.spec?.ports?.[0]
  if (port) name = joinSchemeNamePort(port.name === 'https' || port.port === 443 ? 'https' : '', name, port.name ?? '')
  return `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`
}

const dumpCommand: KubectlCommand = {
  name: 'dump',
  short: 'Dump relevant information for debugging and diagnosis',
  run: () => {
    throw new KubectlError('"kubectl cluster-info dump" is not available in this simulator')
  },
}

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  subcommands: [dumpCommand],
  run(inv) {
    // Only -n counts: the context's namespace is not used, kube-system is.
    const namespace = inv.flags.string('namespace') || 'kube-system'
    const host = serverUrl(inv.ctx.sim)
    let out = `Kubernetes control plane is running at ${host}\n`
    const services = inv.api.list('Service', { namespace, selector: parseSelector('kubernetes.io/cluster-service=true') }) as Service[]
    for (const svc of services) out += `${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name} is running at ${link(host, svc)}\n`
    inv.out(out + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
    return 0
  },
}
