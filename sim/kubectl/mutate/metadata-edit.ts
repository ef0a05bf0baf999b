// What `kubectl label` and `kubectl annotate` share (label.go RunLabel, annotate.go RunAnnotate,
// cmdutil.GetResourcesAndPairs / ParsePairs): the arguments split into resources and KEY=VALUE /
// KEY- pairs, the targets fetched fresh (Builder.Latest), the map changed locally, and a JSON merge
// patch of the difference sent to the server (nothing is sent with --dry-run=client or --local).
// --list prints the map instead. The verbs differ in their texts, their checks and what they print.

import { ApiError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { clone } from '../../core/json'
import type { Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { toGoJsonCompact } from '../printers/json'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAGS, OUTPUT_FLAGS, RECORD_FLAG, SELECTOR_FLAG, serverDryRun, warnDeprecatedRecord, type DryRun } from './flags'
import { mutationPrinter } from './print'
import { parseResourceArgs } from '../resource-args'
import { fileTargets, resolveTargets, type Target } from './targets'

export function metadataFlags(manager: string): FlagSpec[] {
  return [
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    RECORD_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag(manager),
    { name: 'overwrite', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'resource-version', type: 'string' },
    { name: 'list', type: 'bool' },
  ]
}

/** GetResourcesAndPairs: resources first, then the changes; a resource after a change is an error. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`)
    else resources.push(s)
  }
  return { resources, pairs }
}

export interface Changes {
  set: Map<string, string>
  remove: string[]
}

export interface MetadataEditSpec {
  /** `label` / `annotation`, as kubectl's messages name it. */
  pairType: string
  field: 'labels' | 'annotations'
  /** The `--local` messages name a sample file (`pod.yaml` for label, `rsrc.yaml` for annotate). */
  sampleFile: string
  sampleJson: string
  parse(pairs: readonly string[]): Changes
  /** Checks of the parsed changes made after the flag checks (annotate's modify-and-remove). */
  checkChanges?(changes: Changes): void
  /** Called without --overwrite: refuses to change an existing value. */
  checkNoOverwrite(current: Record<string, string>, changes: Changes): void
  /** Before the patch (label: `label "x" not found.` for a removal of a missing label). */
  beforePatch?(inv: Invocation, current: Record<string, string>, changes: Changes): void
  /** The operation printed: label compares the JSON before and after; annotate always says annotated. */
  operation(before: string, after: string, overwrite: boolean): string
  /** Label prints the object it changed locally, annotate what the server answered. */
  printServerObject: boolean
}

function applyChanges(obj: KubeObject, field: 'labels' | 'annotations', changes: Changes): KubeObject {
  const next = clone(obj)
  const map: Record<string, string> = { ...(next.metadata[field] ?? {}) }
  for (const [k, v] of changes.set) map[k] = v
  for (const k of changes.remove) delete map[k]
  // accessor.SetLabels keeps an empty map: `labels: {}`.
  next.metadata = { ...next.metadata, [field]: map }
  return next
}

/** jsonpatch.CreateMergePatch of metadata.<field>: changed keys, and null for removed ones. */
function mergePatch(before: Record<string, string> | undefined, after: Record<string, string>, field: string): Record<string, unknown> {
  const diff: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(after)) if (before?.[k] !== v) diff[k] = v
  for (const k of Object.keys(before ?? {})) if (!(k in after)) diff[k] = null
  if (before === undefined) return { metadata: { [field]: after } }
  return Object.keys(diff).length ? { metadata: { [field]: diff } } : {}
}

function validate(inv: Invocation, spec: MetadataEditSpec, resources: readonly string[], changes: Changes, dryRun: DryRun): void {
  const f = inv.flags
  const list = f.bool('list')
  if (list && f.string('output')) throw new KubectlError('--list and --output may not be specified together')
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time')
  if (f.bool('all') && f.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time')
  const files = f.strings('filename').length > 0 || f.string('kustomize') !== ''
  if (f.bool('local')) {
    if (dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
    if (resources.length) throw new KubectlError(`can only use local files by -f ${spec.sampleFile} or --filename=${spec.sampleJson} when --local=true is set`)
    if (!files) throw new KubectlError(`one or more files must be specified as -f ${spec.sampleFile} or --filename=${spec.sampleJson}`)
  } else if (resources.length < 1 && !files) {
    throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  }
  if (changes.set.size < 1 && changes.remove.length < 1 && !list) throw new KubectlError(`at least one ${spec.pairType} update is required`)
}

function editOne(inv: Invocation, spec: MetadataEditSpec, t: Target, changes: Changes, dryRun: DryRun, single: boolean): void {
  const f = inv.flags
  const overwrite = f.bool('overwrite')
  const list = f.bool('list')
  const rv = f.string('resource-version')
  const obj = rv ? { ...t.object, metadata: { ...t.object.metadata, resourceVersion: undefined } } : t.object
  const current = (obj.metadata[spec.field] ?? {}) as Record<string, string>
  const before = toGoJsonCompact(obj)
  if (!overwrite) spec.checkNoOverwrite(current, changes)
  if (!(dryRun === 'client' || f.bool('local') || list)) spec.beforePatch?.(inv, current, changes)
  let changed = applyChanges(obj, spec.field, changes)
  if (rv) changed = { ...changed, metadata: { ...changed.metadata, resourceVersion: rv } }
  const after = toGoJsonCompact(changed)
  let output = changed
  if (!(dryRun === 'client' || f.bool('local') || list)) {
    const patch = mergePatch(obj.metadata[spec.field], changed.metadata[spec.field] as Record<string, string>, spec.field)
    // --resource-version rides along in the patch: the server refuses it if the object moved on.
    if (rv) patch.metadata = { ...((patch.metadata as object | undefined) ?? {}), resourceVersion: rv }
    output = inv.api.patch(t.mapping.kind, t.namespace, t.name, 'merge', patch, { actor: 'kubectl', dryRun: serverDryRun(dryRun) })
    inv.warn(inv.api.warnings())
  }
  if (list) {
    const indent = single ? '' : ' '
    if (!single) inv.out(`Listing ${spec.field} for ${t.mapping.kind}.${t.mapping.group}/${t.name}:\n`)
    for (const [k, v] of Object.entries(output.metadata[spec.field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) inv.out(`${indent}${k}=${v}\n`)
    return
  }
  mutationPrinter(inv, dryRun).print(spec.printServerObject ? output : changed, spec.operation(before, after, overwrite))
}

/** Builder.IntoSingleItemImplied: one TYPE NAME or TYPE/NAME, or one plain file. */
function singleItemImplied(inv: Invocation, resources: readonly string[], count: number): boolean {
  const f = inv.flags
  if (f.strings('filename').length) return f.strings('filename').length === 1 && f.strings('filename')[0] !== '-' && count === 1
  if (f.bool('all') || f.string('selector') || f.string('field-selector')) return false
  const p = parseResourceArgs(resources)
  return p.tuples.length === 1 || (p.names.length === 1 && p.resources.length === 1)
}

export async function runMetadataEdit(inv: Invocation, spec: MetadataEditSpec): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  const dryRun = dryRunStrategy(inv)
  mutationPrinter(inv, dryRun) // PrintFlags are checked before anything is fetched
  const { resources, pairs } = resourcesAndPairs(inv.args, spec.pairType)
  const changes = spec.parse(pairs)
  validate(inv, spec, resources, changes, dryRun)
  spec.checkChanges?.(changes)
  const local = f.bool('local')
  const entries = local
    ? fileTargets(inv, { requireObject: false, local: true })
    : resolveTargets(inv, {
        requireObject: true,
        args: resources,
        labelSelector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        selectAll: f.bool('all'),
        allNamespaces: f.bool('all-namespaces'),
      })
  const single = singleItemImplied(inv, resources, entries.length)
  if (f.string('resource-version') && !single) throw new KubectlError(`--resource-version may only be used with a single resource`)
  const errors: unknown[] = []
  for (const entry of entries) {
    if (!entry.ok) {
      errors.push(entry.error)
      continue
    }
    try {
      editOne(inv, spec, entry.target, changes, dryRun, single)
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof KubectlError) && !(e instanceof AggregateError)) throw e
      errors.push(e)
    }
  }
  AggregateError.throwIfAny(errors)
  return 0
}
