// The objects a mutating verb works on, found as cli-runtime's Builder finds them: from -f files
// (resource-builder.ts), or from `TYPE NAME...`, `TYPE/NAME`, `TYPE -l sel`, `TYPE --all`
// (resource-args.ts). The Builder runs with ContinueOnError, so each target is either an object or the
// error met while getting it, in visit order; the verb acts on the good ones and reports the errors
// at the end (one line each). Errors in the arguments themselves fail at once.

import { ApiError } from '../../api/errors'
import type { KindInfo } from '../../api/kinds'
import { matches } from '../../api/selectors'
import type { KubeObject } from '../../api/types'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { type FileInfo, readFilenames, requireNamespace } from '../resource-builder'
import { parseResourceArgs, selectResources } from '../resource-args'
import { enhanceListError, matchesFields, parseFieldSelector, parseLabelSelector } from '../selectors'

export interface Target {
  mapping: KindInfo
  namespace: string
  name: string
  /** The live object (Builder with RequireObject), or the object from the file when not fetched. */
  object: KubeObject
  /** The file the object came from ('' for arguments): errors then read `error when <verb> "<file>"`. */
  source: string
  /** The object as written in the file (for apply, replace, delete -f). */
  file?: FileInfo
}

export type TargetEntry = { ok: true; target: Target } | { ok: false; error: unknown }

export interface TargetOptions {
  /** Fetch each object from the server (RequireObject); delete does not. */
  requireObject: boolean
  labelSelector?: string
  fieldSelector?: string
  selectAll?: boolean
  allNamespaces?: boolean
  /** `TYPE` alone lists every object of the type (edit, and get-like verbs). */
  allowEmptySelector?: boolean
  /** Positional arguments that name resources (label/annotate/set image take theirs off first). */
  args?: readonly string[]
}

export const ARGS_AND_FILES_ERROR = 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well'

function filenameOptions(inv: Invocation) {
  return {
    filenames: inv.flags.has('filename') ? inv.flags.strings('filename') : [],
    recursive: inv.flags.has('recursive') && inv.flags.bool('recursive'),
    kustomize: inv.flags.has('kustomize') ? inv.flags.string('kustomize') : '',
  }
}

export function hasFileInput(inv: Invocation): boolean {
  const f = filenameOptions(inv)
  return f.filenames.length > 0 || f.kustomize !== ''
}

/** Is this a server error that ContinueOnError keeps going after? */
function keepable(e: unknown): boolean {
  return e instanceof ApiError || e instanceof KubectlError
}

/** The objects of -f files, each looked up on the server when the verb needs the live object. */
export function fileTargets(inv: Invocation, opts: Pick<TargetOptions, 'requireObject' | 'labelSelector'> & { local?: boolean }): TargetEntry[] {
  const { namespace, explicit } = inv.namespace()
  const read = readFilenames(inv.ctx, filenameOptions(inv), namespace)
  const selector = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined
  const out: TargetEntry[] = []
  for (const entry of read.entries) {
    if (entry.error !== undefined) {
      out.push({ ok: false, error: entry.error })
      continue
    }
    const f = entry.info!
    try {
      if (explicit) requireNamespace(f, namespace)
      if (selector && !matches(selector, f.object.metadata?.labels)) continue
      if (f.apiVersionMissing) throw new ApiError('NotFound', `the server could not find the requested resource (get ${f.mapping.resource} ${f.name})`)
      // --local works on the file as written: no namespace is filled in.
      const object = opts.requireObject ? inv.api.read(f.mapping.kind, f.namespace, f.name) : opts.local ? asWritten(f) : f.object
      out.push({ ok: true, target: { mapping: f.mapping, namespace: f.namespace, name: f.name, object, source: f.source, file: f } })
    } catch (e) {
      if (!keepable(e)) throw e
      out.push({ ok: false, error: e })
    }
  }
  return out
}

function asWritten(f: FileInfo): KubeObject {
  if (f.fileNamespace || !f.object.metadata) return f.object
  const { namespace: _ns, ...metadata } = f.object.metadata
  return { ...f.object, metadata }
}

/** Lists one type with the selectors, as GET .../<resource>?labelSelector=&fieldSelector= answers. */
function listTargets(inv: Invocation, mapping: KindInfo, namespace: string, opts: TargetOptions): KubeObject[] {
  const labelSelector = opts.labelSelector ?? ''
  const fieldSelector = opts.fieldSelector ?? ''
  try {
    const selector = labelSelector ? parseLabelSelector(labelSelector) : undefined
    const fields = fieldSelector ? parseFieldSelector(fieldSelector, mapping) : []
    const objects = inv.api.list(mapping.kind, namespace && mapping.namespaced ? { namespace, selector } : { selector })
    return fields.length ? objects.filter((o) => matchesFields(o, fields)) : objects
  } catch (e) {
    throw enhanceListError(e, mapping, labelSelector, fieldSelector)
  }
}

/** The objects named by arguments (or selected by -l / --field-selector / --all). */
export function argTargets(inv: Invocation, opts: TargetOptions): TargetEntry[] {
  const { namespace } = inv.namespace()
  // Builder.SelectAllParam (the trailing space is kubectl's).
  if (opts.selectAll && (opts.labelSelector || opts.fieldSelector)) throw new KubectlError("setting 'all' parameter but found a non empty selector. ")
  const selection = selectResources(parseResourceArgs(opts.args ?? inv.args), {
    allowEmptySelector: !!opts.allowEmptySelector,
    labelSelector: opts.labelSelector,
    fieldSelector: opts.fieldSelector,
    selectAll: opts.selectAll,
    namespace,
    allNamespaces: !!opts.allNamespaces,
  })
  const out: TargetEntry[] = []
  if (selection.type === 'list') {
    for (const mapping of selection.mappings) {
      try {
        for (const object of listTargets(inv, mapping, selection.namespace, opts)) {
          const ns = mapping.namespaced ? (object.metadata.namespace ?? '') : ''
          out.push({ ok: true, target: { mapping, namespace: ns, name: object.metadata.name!, object, source: '' } })
        }
      } catch (e) {
        if (!keepable(e)) throw e
        out.push({ ok: false, error: e })
      }
    }
    return out
  }
  for (const t of selection.targets) {
    try {
      const object = opts.requireObject
        ? inv.api.read(t.mapping.kind, t.namespace, t.name)
        : ({ apiVersion: t.mapping.apiVersion, kind: t.mapping.kind, metadata: { name: t.name, namespace: t.namespace || undefined } } as KubeObject)
      out.push({ ok: true, target: { mapping: t.mapping, namespace: t.namespace, name: t.name, object, source: '' } })
    } catch (e) {
      if (!keepable(e)) throw e
      out.push({ ok: false, error: e })
    }
  }
  return out
}

/** Files or arguments, never both (Builder's "you may not specify resource arguments as well"). */
export function resolveTargets(inv: Invocation, opts: TargetOptions): TargetEntry[] {
  const args = opts.args ?? inv.args
  if (hasFileInput(inv)) {
    if (args.length) throw new KubectlError(ARGS_AND_FILES_ERROR)
    return fileTargets(inv, opts)
  }
  return argTargets(inv, opts)
}

/** Builder.IgnoreErrors(IsNotFound). */
export function dropNotFound(entries: TargetEntry[]): TargetEntry[] {
  return entries.filter((e) => e.ok || !(e.error instanceof ApiError && e.error.reason === 'NotFound'))
}
