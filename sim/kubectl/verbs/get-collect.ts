// What `kubectl get` fetches before printing (cli-runtime Builder + get.go Run): one info per listed
// type (the API server's list, in etcd order, filtered by -l / --field-selector) or per named
// object, with errors kept in visit order so the command can print what it found and then fail.

import { ApiError } from '../../api/errors'
import type { KindInfo } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import type { Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { readFilenames, requireNamespace } from '../resource-builder'
import { parseResourceArgs, selectResources } from '../resource-args'
import { enhanceListError, matchesFields, parseFieldSelector, parseLabelSelector } from '../selectors'

export interface GetInfo {
  mapping: KindInfo
  /** A list request (one Table of all objects) or a single object. */
  isList: boolean
  objects: KubeObject[]
}

export interface Collected {
  /** Successful visits, in visit order. */
  infos: GetInfo[]
  /**
   * The error the builder's visit ends with (ContinueOnErrorVisitor): errors of the outer helpers
   * (a named object not found, a namespace mismatch) one by one, then the aggregate of the inner
   * visitors' errors (list requests, undecodable documents); undefined when all went well.
   */
  error: unknown
  singleItemImplied: boolean
  namespace: string
}

export interface CollectOptions {
  labelSelector: string
  fieldSelector: string
  allNamespaces: boolean
  ignoreNotFound: boolean
  subresource: string
}

// The API server (1.33) sends this warning header on every core/v1 Endpoints request.
const ENDPOINTS_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'

/** Lists one type as GET .../<resource>?labelSelector=&fieldSelector= would. */
export function listObjects(inv: Invocation, mapping: KindInfo, namespace: string, opts: Pick<CollectOptions, 'labelSelector' | 'fieldSelector'>): KubeObject[] {
  try {
    const selector = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined
    const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, mapping) : []
    const objects = inv.api.list(mapping.kind, namespace && mapping.namespaced ? { namespace, selector } : { selector })
    return fields.length ? objects.filter((o) => matchesFields(o, fields)) : objects
  } catch (e) {
    throw enhanceListError(e, mapping, opts.labelSelector, opts.fieldSelector)
  }
}

export function collect(inv: Invocation, opts: CollectOptions): Collected {
  const { namespace, explicit } = inv.namespace()
  const filenames = inv.flags.strings('filename')
  const infos: GetInfo[] = []
  const inner: unknown[] = []
  const outer: unknown[] = []
  const warned = new Set<string>()
  const request = (mapping: KindInfo) => {
    if (mapping.kind === 'Endpoints' && !warned.has(ENDPOINTS_WARNING)) {
      warned.add(ENDPOINTS_WARNING)
      inv.warn([ENDPOINTS_WARNING])
    }
  }
  const keep = (e: unknown, into: unknown[] = inner) => {
    if (opts.ignoreNotFound && e instanceof ApiError && e.reason === 'NotFound') return
    into.push(e)
  }
  const done = (singleItemImplied: boolean): Collected => {
    const errs = [...outer, ...(inner.length ? [new AggregateError(inner)] : [])]
    const error = errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : new AggregateError(errs)
    return { infos, error, singleItemImplied, namespace }
  }

  if (filenames.length || inv.flags.string('kustomize')) {
    if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    const read = readFilenames(inv.ctx, { filenames, recursive: inv.flags.bool('recursive'), kustomize: inv.flags.string('kustomize') }, namespace)
    for (const entry of read.entries) {
      if (!entry.info) {
        keep(entry.error)
        continue
      }
      const f = entry.info
      let live
      try {
        request(f.mapping)
        if (f.apiVersionMissing) throw new ApiError('NotFound', `the server could not find the requested resource (get ${f.mapping.resource} ${f.name})`)
        // Latest: the live object is what gets printed.
        live = inv.api.read(f.mapping.kind, f.namespace, f.name)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        keep(e)
        continue
      }
      // RequireNamespace runs after the visit, as one of the builder's outer helpers.
      try {
        if (explicit) requireNamespace(f, namespace)
        infos.push({ mapping: f.mapping, isList: false, objects: [live] })
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e
        keep(e, outer)
      }
    }
    return done(read.singleItemImplied)
  }

  const selection = selectResources(parseResourceArgs(inv.args), {
    allowEmptySelector: true,
    labelSelector: opts.labelSelector,
    fieldSelector: opts.fieldSelector,
    namespace,
    allNamespaces: opts.allNamespaces,
  })
  if (selection.type === 'list') {
    if (opts.subresource) throw new KubectlError('subresource cannot be used when bulk resources are specified')
    for (const mapping of selection.mappings) {
      try {
        request(mapping)
        infos.push({ mapping, isList: true, objects: listObjects(inv, mapping, selection.namespace, opts) })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        keep(e)
      }
    }
    return done(false)
  }
  for (const t of selection.targets) {
    try {
      request(t.mapping)
      infos.push({ mapping: t.mapping, isList: false, objects: [inv.api.read(t.mapping.kind, t.namespace, t.name)] })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      keep(e, outer)
    }
  }
  return done(selection.singleItemImplied)
}
