// What the rollout verbs and `wait` work on: cli-runtime's Builder with ResourceTypeOrNameArgs,
// LabelSelectorParam, FilenameParam, ContinueOnError, Latest and Flatten. Each visit is the live object
// or the error its fetch gave, in visit order, so a verb can act on what it found and then report the
// rest (`rollout history sts/web sts/nope` prints web's history, then the NotFound).

import { ApiError } from '../../../api/errors'
import type { KindInfo } from '../../../api/kinds'
import type { KubeObject } from '../../../api/types'
import type { Invocation } from '../../command'
import { KubectlError } from '../../errors'
import { readFilenames, requireNamespace } from '../../resource-builder'
import { parseResourceArgs, selectResources } from '../../resource-args'
import { enhanceListError, matchesFields, parseFieldSelector, parseLabelSelector } from '../../selectors'

export interface Target {
  mapping: KindInfo
  /** '' for cluster-scoped kinds. */
  namespace: string
  name: string
  object: KubeObject
}

export type Visit = { target: Target; error?: undefined } | { error: unknown; target?: undefined }

export interface VisitOptions {
  labelSelector?: string
  fieldSelector?: string
  /** --all */
  selectAll?: boolean
  allNamespaces?: boolean
  /** `rollout status deployment` lists every Deployment; `wait pods` does not. */
  allowEmptySelector: boolean
}

/** Whether -f or -k was given (cmdutil.IsFilenameSliceEmpty, negated). */
export function hasFilenames(inv: Invocation): boolean {
  const f = inv.flags
  return (f.has('filename') && f.strings('filename').length > 0) || (f.has('kustomize') && f.string('kustomize') !== '')
}

function keepApiErrors(e: unknown): Visit {
  if (e instanceof ApiError || e instanceof KubectlError) return { error: e }
  throw e
}

function fromFiles(inv: Invocation, namespace: string, explicit: boolean): Visit[] {
  if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  const f = inv.flags
  const read = readFilenames(
    inv.ctx,
    { filenames: f.strings('filename'), recursive: f.has('recursive') && f.bool('recursive'), kustomize: f.has('kustomize') ? f.string('kustomize') : '' },
    namespace,
  )
  return read.entries.map((entry): Visit => {
    if (!entry.info) return { error: entry.error }
    const f = entry.info
    try {
      if (explicit) requireNamespace(f, namespace)
      const object = inv.api.read(f.mapping.kind, f.namespace, f.name)
      return { target: { mapping: f.mapping, namespace: f.namespace, name: f.name, object } }
    } catch (e) {
      return keepApiErrors(e)
    }
  })
}

/** Resolves the command's arguments (or -f) to live objects; argument errors throw at once. */
export function visitTargets(inv: Invocation, opts: VisitOptions): { visits: Visit[]; namespace: string } {
  const { namespace, explicit } = inv.namespace()
  if (hasFilenames(inv)) return { visits: fromFiles(inv, namespace, explicit), namespace }
  const labelSelector = (opts.labelSelector ?? '').trim()
  const fieldSelector = (opts.fieldSelector ?? '').trim()
  const selection = selectResources(parseResourceArgs(inv.args), {
    allowEmptySelector: opts.allowEmptySelector,
    labelSelector,
    fieldSelector,
    selectAll: opts.selectAll,
    namespace,
    allNamespaces: !!opts.allNamespaces,
  })
  const visits: Visit[] = []
  if (selection.type === 'list') {
    for (const mapping of selection.mappings) {
      try {
        const selector = labelSelector ? parseLabelSelector(labelSelector) : undefined
        const fields = fieldSelector ? parseFieldSelector(fieldSelector, mapping) : []
        const ns = mapping.namespaced ? selection.namespace : ''
        for (const object of inv.api.list(mapping.kind, ns ? { namespace: ns, selector } : { selector })) {
          if (!matchesFields(object, fields)) continue
          visits.push({ target: { mapping, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? '', object } })
        }
      } catch (e) {
        visits.push(keepApiErrors(enhanceListError(e, mapping, labelSelector, fieldSelector)))
      }
    }
    return { visits, namespace }
  }
  for (const t of selection.targets) {
    try {
      visits.push({ target: { ...t, object: inv.api.read(t.mapping.kind, t.namespace, t.name) } })
    } catch (e) {
      visits.push(keepApiErrors(e))
    }
  }
  return { visits, namespace }
}

/** `statefulsets.apps`, `pods`: how kubectl names a resource type in messages. */
export function resourceString(mapping: KindInfo): string {
  return mapping.qualifiedResource
}

/** schema.GroupKind.String(): `StatefulSet.apps`, `Pod`. */
export function groupKindString(mapping: KindInfo): string {
  return mapping.group ? `${mapping.kind}.${mapping.group}` : mapping.kind
}
