// The kubeconfig as `kubectl config view` prints it (kubectl pkg/cmd/config/view.go): the student's
// contexts (KubeconfigState) with the cluster and user of a kubeadm admin.conf for this cluster —
// `kubernetes` at the control plane's address on 6443, `kubernetes-admin` with a client certificate.
// The certificate data are honest placeholders (base64 PEM blocks that say they are not real); view
// shows DATA+OMITTED unless --raw or --flatten, as clientcmdapi.ShortenConfig does.

import type { Simulation } from '../../simulation'
import type { KubeconfigState } from '../kubeconfig'

export const CLUSTER_NAME = 'kubernetes'
export const USER_NAME = 'kubernetes-admin'

const pem = (kind: string, body: string) => base64(`-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`)

/** btoa for ASCII text (no DOM in sim/, so by hand). */
function base64(text: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += abc[(n >> 18) & 63] + abc[(n >> 12) & 63] + (i + 1 < text.length ? abc[(n >> 6) & 63] : '=') + (i + 2 < text.length ? abc[n & 63] : '=')
  }
  return out
}

export const CA_DATA = pem('CERTIFICATE', 'Ordinal simulated cluster: kubernetes CA (not a real certificate)')
export const CLIENT_CERT_DATA = pem('CERTIFICATE', 'Ordinal simulated cluster: kubernetes-admin client certificate (not a real certificate)')
export const CLIENT_KEY_DATA = pem('RSA PRIVATE KEY', 'Ordinal simulated cluster: kubernetes-admin client key (not a real key)')

/** https://<control plane node>:6443, as kubeadm writes it into admin.conf. */
export function serverUrl(sim: Simulation): string {
  const cp = sim.config.nodes.find((n) => n.controlPlane) ?? sim.config.nodes[0]
  return `https://${cp.internalIP}:6443`
}

export interface ViewOptions {
  raw: boolean
  minify: boolean
  /** --context: which context --minify keeps. */
  context: string
}

/** The v1 Config object view prints, in the Go struct's field order (json) — yaml sorts keys. */
export function kubeconfigDocument(sim: Simulation, kc: KubeconfigState, o: ViewOptions): Record<string, unknown> {
  const data = kc.toJSON()
  const current = o.minify && o.context ? o.context : data.currentContext
  let names = Object.keys(data.contexts).sort()
  if (o.minify) names = names.filter((n) => n === current)
  const contexts = names.map((name) => {
    const c = data.contexts[name]
    const context: Record<string, string> = {}
    if (c.cluster) context.cluster = c.cluster
    if (c.user) context.user = c.user
    if (c.namespace) context.namespace = c.namespace
    return { name, context }
  })
  const used = (key: 'cluster' | 'user', name: string) => !o.minify || contexts.some((c) => c.context[key] === name)
  const omit = (v: string) => (o.raw ? v : 'DATA+OMITTED')
  const clusters = used('cluster', CLUSTER_NAME) ? [{ name: CLUSTER_NAME, cluster: { server: serverUrl(sim), 'certificate-authority-data': omit(CA_DATA) } }] : []
  const users = used('user', USER_NAME)
    ? [{ name: USER_NAME, user: { 'client-certificate-data': omit(CLIENT_CERT_DATA), 'client-key-data': omit(CLIENT_KEY_DATA) } }]
    : []
  return { kind: 'Config', apiVersion: 'v1', preferences: {}, clusters, users, contexts, 'current-context': current }
}
