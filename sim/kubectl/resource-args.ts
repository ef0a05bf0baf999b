// What `TYPE NAME...`, `TYPE/NAME...`, `TYPE1,TYPE2 [NAME]` and `all` select, with the errors
// cli-runtime's Builder gives (ResourceTypeOrNameArgs, visitorResult, visitBySelector,
// visitByResource, visitByName). Verbs decide which forms they accept through the options.

import type { KindInfo } from '../api/kinds'
import { KubectlError } from './errors'
import { expandCategory, mappingFor } from './resource-mapping'

export interface ParsedResourceArgs {
  /** Types given without names (`pods`, `sts,svc`), aliases (`all`) expanded. */
  resources: string[]
  /** Names given after a single type. */
  names: string[]
  /** `type/name` pairs (also produced from `a,b name`). */
  tuples: { resource: string; name: string }[]
}

/** SplitResourceArgument: comma-split with duplicates removed, order kept. */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = []
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s)
  return out
}

/** `a,b n1 n2` means a/n1 a/n2 b/n1 b/n2 (normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0])
    if (resources.length > 1) return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`))
  }
  return [...args]
}

function splitResourceTypeName(s: string): { resource: string; name: string } {
  const seg = s.split('/')
  if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash')
  const [resource, name] = seg
  if (!resource || !name || splitResourceArgument(resource).length !== 1) {
    throw new KubectlError('arguments in resource/name form must have a single resource and name')
  }
  return { resource, name }
}

/** Builder.ReplaceAliases: `all` becomes its member resources. */
function replaceAliases(input: string): string {
  return input
    .split(',')
    .map((a) => expandCategory(a)?.join(',') ?? a)
    .join(',')
}

/** ResourceTypeOrNameArgs: splits positional arguments into types, names and type/name pairs. */
export function parseResourceArgs(input: readonly string[]): ParsedResourceArgs {
  const args = normalizeMultipleResourcesArgs(input)
  const slashed = args.filter((a) => a.includes('/')).length
  if (slashed > 0) {
    if (slashed !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      )
    }
    return { resources: [], names: [], tuples: args.map(splitResourceTypeName) }
  }
  if (args.length === 0) return { resources: [], names: [], tuples: [] }
  return { resources: splitResourceArgument(replaceAliases(args[0])), names: args.slice(1), tuples: [] }
}

export interface SelectOptions {
  /** `kubectl get pods` lists everything; `kubectl delete pods` needs a name, -l or --all. */
  allowEmptySelector: boolean
  labelSelector?: string
  fieldSelector?: string
  selectAll?: boolean
  /** Watch and some verbs accept one type only. */
  singleResourceType?: boolean
  namespace: string
  allNamespaces: boolean
}

export interface NamedTarget {
  mapping: KindInfo
  /** '' for cluster-scoped kinds. */
  namespace: string
  name: string
}

export type Selection =
  /** List these types (with the label/field selectors) in `namespace` ('' = all namespaces). */
  | { type: 'list'; mappings: KindInfo[]; namespace: string }
  /** Get these objects by name. */
  | { type: 'named'; targets: NamedTarget[]; singleItemImplied: boolean }

export const MISSING_RESOURCE_ERROR = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

function uniqueMappings(resources: readonly string[], single: boolean): KindInfo[] {
  if (resources.length > 1 && single) throw new KubectlError('you may only specify a single resource type')
  const out: KindInfo[] = []
  for (const r of resources) {
    const m = mappingFor(r)
    if (!out.includes(m)) out.push(m)
  }
  return out
}

function namespaceForName(mapping: KindInfo, opts: SelectOptions): string {
  if (!mapping.namespaced) return ''
  if (!opts.namespace || opts.allNamespaces) {
    throw new KubectlError(
      opts.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name',
    )
  }
  return opts.namespace
}

/** Builder.visitorResult for argument input (files are handled by resource-builder). */
export function selectResources(parsed: ParsedResourceArgs, opts: SelectOptions): Selection {
  const hasSelector =
    (parsed.resources.length > 0 && parsed.names.length === 0 && parsed.tuples.length === 0 && opts.allowEmptySelector) ||
    opts.selectAll ||
    !!opts.labelSelector ||
    !!opts.fieldSelector
  if (hasSelector) {
    if (parsed.names.length) throw new KubectlError('name cannot be provided when a selector is specified')
    if (parsed.tuples.length) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments')
    if (!parsed.resources.length) throw new KubectlError('at least one resource must be specified to use a selector')
    const mappings = uniqueMappings(parsed.resources, !!opts.singleResourceType)
    return { type: 'list', mappings, namespace: opts.allNamespaces ? '' : opts.namespace }
  }
  if (parsed.tuples.length) {
    const byResource = new Map<string, KindInfo>()
    for (const t of parsed.tuples) if (!byResource.has(t.resource)) byResource.set(t.resource, mappingFor(t.resource))
    if (new Set(byResource.values()).size > 1 && opts.singleResourceType) throw new KubectlError('you may only specify a single resource type')
    const targets = parsed.tuples.map((t) => {
      const mapping = byResource.get(t.resource)!
      return { mapping, namespace: namespaceForName(mapping, opts), name: t.name }
    })
    return { type: 'named', targets, singleItemImplied: parsed.tuples.length === 1 }
  }
  if (parsed.names.length) {
    if (parsed.resources.length === 0) throw new KubectlError('you must provide a resource and a resource name together')
    if (parsed.resources.length > 1) throw new KubectlError('you must specify only one resource')
    const [mapping] = uniqueMappings(parsed.resources, false)
    const namespace = namespaceForName(mapping, opts)
    return {
      type: 'named',
      targets: parsed.names.map((name) => ({ mapping, namespace, name })),
      singleItemImplied: parsed.names.length === 1,
    }
  }
  if (parsed.resources.length) {
    for (const r of parsed.resources) mappingFor(r)
    throw new KubectlError('resource(s) were provided, but no name was specified')
  }
  throw new KubectlError(MISSING_RESOURCE_ERROR)
}
