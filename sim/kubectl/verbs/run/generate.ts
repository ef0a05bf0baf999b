// The objects `kubectl run` builds (kubectl pkg/generate/versioned/run.go BasicPod, and service.go's
// ServiceGeneratorV2 for --expose), field for field as the typed Go structs marshal them: the pod's
// one container is named after the pod, labels default to run=<name>, extra arguments become `args`
// (`command` with --command), -i sets stdin and stdinOnce, -t tty.

import type { Invocation } from '../../command'
import { KubectlError } from '../../errors'

type JsonMap = Record<string, unknown>

/** generate.ParseLabels: `a=b,c=d`; later keys win. */
export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of spec.split(',')) {
    const kv = item.split('=')
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${item}`)
    if (kv[0].length === 0) throw new KubectlError('unexpected empty label key')
    out[kv[0]] = kv[1]
  }
  return out
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** parseEnvs: NAME=value, NAME a C identifier-ish name (validation.IsEnvVarName). */
export function parseEnvs(items: readonly string[]): { name: string; value: string }[] {
  return items.map((e) => {
    const pos = e.indexOf('=')
    const name = pos < 0 ? '' : e.slice(0, pos)
    if (pos < 0 || name.length === 0 || !ENV_NAME.test(name)) throw new KubectlError(`invalid env: ${e}`)
    return { name, value: e.slice(pos + 1) }
  })
}

/** cmdutil.ParsePairs for --annotations: every item must be KEY=VALUE with a non-empty key. */
export function parseAnnotations(items: readonly string[]): Record<string, string> | undefined {
  if (items.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const a of items) {
    const eq = a.indexOf('=')
    if (eq <= 0) throw new KubectlError(`invalid annotations format: ${a}`)
    out[a.slice(0, eq)] = a.slice(eq + 1)
  }
  return out
}

/** strconv.Atoi's error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing "${s}": invalid syntax`)
  return Number(s)
}

export interface RunPodParams {
  name: string
  namespace?: string
  image: string
  args: readonly string[]
  command: boolean
  labels: string
  annotations: readonly string[]
  env: readonly string[]
  port: string
  imagePullPolicy: string
  stdin: boolean
  leaveStdinOpen: boolean
  tty: boolean
  restart: string
  privileged: boolean
}

/** BasicPod.Generate. */
export function runPod(p: RunPodParams): JsonMap {
  // BasicPod.Generate reads env, then annotations, then labels; the port comes last (updatePodPorts).
  const env = parseEnvs(p.env)
  const annotations = parseAnnotations(p.annotations)
  const labels = p.labels ? parseLabels(p.labels) : { run: p.name }
  const container: JsonMap = { name: p.name, image: p.image }
  if (p.args.length) container[p.command ? 'command' : 'args'] = [...p.args]
  if (env.length) container.env = env
  container.resources = {}
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy
  if (p.privileged) container.securityContext = { privileged: true }
  if (p.stdin) container.stdin = true
  if (p.stdin && !p.leaveStdinOpen) container.stdinOnce = true
  if (p.tty) container.tty = true
  if (p.port) container.ports = [{ containerPort: atoi(p.port) }]
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null, labels, ...(annotations ? { annotations } : {}) },
    spec: { containers: [container], restartPolicy: p.restart || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  }
}

/** ServiceGeneratorV2 as `run --expose` calls it: one unnamed TCP port, targetPort = port, selector = the pod's labels. */
export function runService(p: RunPodParams): JsonMap {
  const selector = p.labels ? parseLabels(p.labels) : { run: p.name }
  const port = atoi(p.port)
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null, ...(p.labels ? { labels: parseLabels(p.labels) } : {}) },
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector },
    status: { loadBalancer: {} },
  }
}

/** cmdutil.GetFlagStringArray and friends, read once. */
export function runParams(inv: Invocation, name: string, args: readonly string[], namespace: string | undefined): RunPodParams {
  const f = inv.flags
  return {
    name,
    namespace,
    image: f.string('image'),
    args,
    command: f.bool('command'),
    labels: f.string('labels'),
    annotations: f.strings('annotations'),
    env: f.strings('env'),
    port: f.string('port'),
    imagePullPolicy: f.string('image-pull-policy'),
    stdin: f.bool('stdin'),
    leaveStdinOpen: f.bool('leave-stdin-open'),
    tty: f.bool('tty'),
    restart: f.string('restart'),
    privileged: f.bool('privileged'),
  }
}
