// `kubectl describe` (kubectl pkg/cmd/describe/describe.go, v1.33): selects objects like the other
// read verbs (TYPE [NAME...], TYPE/NAME, -l, -A, -f), describes each (describe/), separates them
// with an empty line, and reports errors after what it could print. `describe TYPE NAME` falls back
// to every object whose name starts with NAME when there is no object called NAME.

import { ApiError } from '../../api/errors'
import type { KindInfo } from '../../api/kinds'
import type { KubectlCommand, Invocation } from '../command'
import { describerFor, type DescribeContext } from '../describe'
import { nodeLeaseFor } from '../describe/node-lease'
import { AggregateError, KubectlError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../mutate/flags'
import { readFilenames, requireNamespace } from '../resource-builder'
import { parseResourceArgs, selectResources } from '../resource-args'
import { listObjects } from './get-collect'

const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: 'true' },
  { name: 'chunk-size', type: 'int64', default: '500' },
]

// The 1.33 API server's warning header on core/v1 Endpoints requests (client-go prints each once).
const ENDPOINTS_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'

interface Target {
  mapping: KindInfo
  namespace: string
  name: string
}

interface Selected {
  targets: Target[]
  /** The builder's errors (a missing named object, a bad file document), in visit order. */
  errors: unknown[]
}

function isApiOrKubectlError(e: unknown): boolean {
  return e instanceof ApiError || e instanceof KubectlError
}

/** The builder: objects from files, from a list (type + -l), or by name (fetched to check they exist). */
function select(inv: Invocation, namespace: string, explicit: boolean, allNamespaces: boolean, warn: (m: KindInfo) => void): Selected {
  const filenames = inv.flags.strings('filename')
  const targets: Target[] = []
  const errors: unknown[] = []
  if (filenames.length || inv.flags.string('kustomize')) {
    if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    const read = readFilenames(inv.ctx, { filenames, recursive: inv.flags.bool('recursive'), kustomize: inv.flags.string('kustomize') }, namespace)
    for (const entry of read.entries) {
      if (!entry.info) {
        errors.push(entry.error)
        continue
      }
      const f = entry.info
      try {
        if (explicit && !allNamespaces) requireNamespace(f, namespace)
        if (f.apiVersionMissing) throw new ApiError('NotFound', `the server could not find the requested resource (get ${f.mapping.resource} ${f.name})`)
        targets.push({ mapping: f.mapping, namespace: f.namespace, name: f.name })
      } catch (e) {
        if (!isApiOrKubectlError(e)) throw e
        errors.push(e)
      }
    }
    return { targets, errors }
  }
  if (inv.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n')
  }
  const labelSelector = inv.flags.string('selector')
  const selection = selectResources(parseResourceArgs(inv.args), { allowEmptySelector: true, labelSelector, namespace, allNamespaces })
  if (selection.type === 'list') {
    for (const mapping of selection.mappings) {
      try {
        warn(mapping)
        for (const o of listObjects(inv, mapping, selection.namespace, { labelSelector, fieldSelector: '' })) {
          targets.push({ mapping, namespace: o.metadata.namespace ?? '', name: o.metadata.name! })
        }
      } catch (e) {
        if (!isApiOrKubectlError(e)) throw e
        errors.push(e)
      }
    }
    return { targets, errors }
  }
  for (const t of selection.targets) {
    try {
      warn(t.mapping)
      inv.api.read(t.mapping.kind, t.namespace, t.name)
      targets.push(t)
    } catch (e) {
      if (!isApiOrKubectlError(e)) throw e
      errors.push(e)
    }
  }
  return { targets, errors }
}

/** DescribeMatchingResources: every object of the type whose name starts with the prefix. */
function describeMatching(inv: Invocation, dctx: DescribeContext, original: unknown, namespace: string, resource: string, prefix: string, warn: (m: KindInfo) => void): number {
  const selection = selectResources(parseResourceArgs([resource]), { allowEmptySelector: true, singleResourceType: true, namespace, allNamespaces: false })
  if (selection.type !== 'list') throw original
  const mapping = selection.mappings[0]
  warn(mapping)
  const objects = listObjects(inv, mapping, selection.namespace, { labelSelector: '', fieldSelector: '' })
  let found = false
  for (const o of objects) {
    if (!o.metadata.name!.startsWith(prefix)) continue
    found = true
    inv.out(describerFor(mapping.kind)(dctx, o.metadata.namespace ?? '', o.metadata.name!) + '\n')
  }
  if (!found) throw original
  return 0
}

function run(inv: Invocation): number {
  const { namespace, explicit } = inv.namespace()
  const allNamespaces = inv.flags.bool('all-namespaces')
  const sim = inv.ctx.sim
  const dctx: DescribeContext = {
    api: inv.api,
    now: inv.now(),
    showEvents: inv.flags.bool('show-events'),
    nodeLease: nodeLeaseFor({ now: () => inv.now(), api: inv.api as never, nodeHealth: sim?.nodeHealth }),
  }
  let warned = false
  const warn = (m: KindInfo) => {
    if (m.kind !== 'Endpoints' || warned) return
    warned = true
    inv.warn([ENDPOINTS_WARNING])
  }

  const selected = select(inv, namespace, explicit, allNamespaces, warn)
  const allErrors: unknown[] = []
  if (selected.errors.length) {
    const only = selected.errors.length === 1 ? selected.errors[0] : undefined
    if (only instanceof ApiError && only.reason === 'NotFound' && inv.args.length === 2) {
      return describeMatching(inv, dctx, only, namespace, inv.args[0], inv.args[1], warn)
    }
    allErrors.push(only ?? new AggregateError(selected.errors))
  }

  const seen = new Set<string>()
  let first = true
  for (const t of selected.targets) {
    let text: string
    try {
      warn(t.mapping)
      text = describerFor(t.mapping.kind)(dctx, t.namespace, t.name)
    } catch (e) {
      if (!isApiOrKubectlError(e)) throw e
      const key = (e as Error).message
      if (!seen.has(key)) {
        seen.add(key)
        allErrors.push(e)
      }
      continue
    }
    inv.out(first ? text : `\n\n${text}`)
    first = false
  }
  if (selected.targets.length === 0 && allErrors.length === 0) {
    inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`)
  }
  if (allErrors.length) throw new AggregateError(allErrors)
  return 0
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: DESCRIBE_FLAGS,
  run,
}
