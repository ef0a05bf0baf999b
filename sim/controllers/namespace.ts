// Namespace lifecycle (upstream: the namespace controller, plus the serviceaccounts controller and
// the root-ca-cert-publisher that fill every new namespace). A deleted namespace is Terminating until
// everything in it is gone; then its "kubernetes" finalizer is cleared and it disappears.

import { KINDS } from '../api/kinds'
import type { Namespace } from '../api/types'
import type { Controller, ControllerContext } from './runtime'

const ACTOR = 'namespace-controller'

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'
const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIOrdinalSimulatedClusterCAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n'

export function namespaceController(): Controller {
  return {
    name: 'namespace-controller',
    watches: ['Namespace', ...KINDS.filter((k) => k.namespaced).map((k) => k.kind)],
    keysFor(ev) {
      if (ev.kind === 'Namespace') return [ev.object.metadata.name!]
      // Content changes only matter while the namespace is being emptied.
      return ev.type === 'DELETED' ? [ev.object.metadata.namespace!] : []
    },
    initialKeys(ctx) {
      return ctx.api.list('Namespace').map((n) => n.metadata.name!)
    },
    reconcile(name, ctx) {
      const ns = ctx.api.get('Namespace', '', name)
      if (!ns) return
      if (ns.metadata.deletionTimestamp) return finalize(ns, ctx)
      ensureDefaults(name, ctx)
    },
  }
}

function ensureDefaults(ns: string, ctx: ControllerContext): void {
  if (!ctx.api.get('ServiceAccount', ns, 'default')) {
    ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } }, { actor: 'serviceaccount-controller' })
  }
  if (!ctx.api.get('ConfigMap', ns, ROOT_CA_CONFIGMAP)) {
    ctx.api.create(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: ns,
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': FAKE_CA },
      },
      { actor: 'root-ca-cert-publisher' },
    )
  }
}

function finalize(ns: Namespace, ctx: ControllerContext): void {
  const name = ns.metadata!.name!
  let remaining = 0
  for (const k of KINDS) {
    if (!k.namespaced) continue
    for (const o of ctx.api.list(k.kind, { namespace: name })) {
      remaining++
      if (!o.metadata.deletionTimestamp) ctx.api.delete(k.kind, name, o.metadata.name!, { actor: ACTOR, propagationPolicy: 'Background' })
    }
  }
  if (remaining > 0) return // deletions of the rest re-enqueue this namespace
  if (ns.spec?.finalizers?.length) {
    ctx.api.update({ ...ns, spec: { ...ns.spec, finalizers: [] } } as never, { actor: ACTOR })
  }
}
