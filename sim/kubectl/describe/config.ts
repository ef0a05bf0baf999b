// describe configmap, secret, serviceaccount, namespace and poddisruptionbudget (describe.go). kubectl
// 1.33 walks ConfigMap and Secret data in Go map order (random from run to run); this prints keys
// sorted, which is what kubectl 1.34+ does for ConfigMaps and one of the orders 1.33 can print.

import type { ConfigMap, Namespace, Secret, ServiceAccount } from 'kubernetes-types/core/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor } from './events'
import { formatLabelSelector, formatTime, printAnnotationsMultiline, printLabelsMultiline, sortedStrings } from './format'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbed } from './writer'

/** Bytes a base64 `data` value decodes to (the API sends []byte as standard base64). */
export function base64Len(b64: string): number {
  const s = b64.replace(/\s/g, '')
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  return Math.floor((s.length * 3) / 4) - pad
}

/** The decoded text of a base64 value (for a service-account token, which describe prints). */
function base64Text(b64: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let bits = 0
  let acc = 0
  const bytes: number[] = []
  for (const ch of b64.replace(/[\s=]/g, '')) {
    const v = alphabet.indexOf(ch)
    if (v < 0) continue
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

export function describeConfigMap(ctx: DescribeContext, namespace: string, name: string): string {
  const cm = ctx.api.read('ConfigMap', namespace, name) as unknown as ConfigMap
  const events = eventsFor(ctx, cm as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace}\n`)
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const k of sortedStrings(Object.keys(cm.data ?? {}))) {
      w.write(LEVEL_0, `${k}:\n----\n`)
      w.write(LEVEL_0, `${cm.data![k]}\n`)
      w.write(LEVEL_0, '\n')
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    for (const k of sortedStrings(Object.keys(cm.binaryData ?? {}))) w.write(LEVEL_0, `${k}: ${base64Len(cm.binaryData![k])} bytes\n`)
    w.write(LEVEL_0, '\n')
    if (events) describeEvents(events, w, ctx.now)
  })
}

export function describeSecret(ctx: DescribeContext, namespace: string, name: string): string {
  const secret = ctx.api.read('Secret', namespace, name) as unknown as Secret
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace}\n`)
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const k of sortedStrings(Object.keys(secret.data ?? {}))) {
      const v = secret.data![k]
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${base64Text(v)}\n`)
      else w.write(LEVEL_0, `${k}:\t${base64Len(v)} bytes\n`)
    }
  })
}

export function describeServiceAccount(ctx: DescribeContext, namespace: string, name: string): string {
  const sa = ctx.api.read('ServiceAccount', namespace, name) as unknown as ServiceAccount
  const secrets = ctx.api.list('Secret', { namespace }) as unknown as Secret[]
  const existing = new Set(secrets.map((s) => s.metadata?.name))
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata?.annotations?.['kubernetes.io/service-account.name'] === sa.metadata?.name &&
      s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata?.uid,
  )
  const missing = new Set([...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])].map((s) => s.name).filter((n) => !existing.has(n)))
  const events = eventsFor(ctx, sa as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace}\n`)
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations)
    // The headers are padded to one width and printed in sorted order.
    const blocks: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
    ]
    for (const [header, names] of blocks) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`)
        continue
      }
      let prefix = header
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`)
        prefix = '                   '
      }
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}

export function describeNamespace(ctx: DescribeContext, _namespace: string, name: string): string {
  const ns = ctx.api.read('Namespace', '', name) as unknown as Namespace
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    const conditions = ns.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime as unknown as string)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
      }
    }
    // The simulated cluster has no ResourceQuota or LimitRange objects: a real server answers empty lists.
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No resource quota.\n')
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No LimitRange resource.\n')
  })
}

export function describePodDisruptionBudget(ctx: DescribeContext, namespace: string, name: string): string {
  const pdb = ctx.api.read('PodDisruptionBudget', namespace, name) as unknown as PodDisruptionBudget
  const events = eventsFor(ctx, pdb as never)
  return tabbed((w) => {
    const spec = pdb.spec ?? {}
    const status = pdb.status
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace}\n`)
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`)
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`)
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n')
    w.write(LEVEL_0, 'Status:\n')
    w.write(LEVEL_2, `Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}\n`)
    w.write(LEVEL_2, `Current:\t${status?.currentHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Desired:\t${status?.desiredHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Total:\t${status?.expectedPods ?? 0}\n`)
    if (events) describeEvents(events, w, ctx.now)
  })
}
