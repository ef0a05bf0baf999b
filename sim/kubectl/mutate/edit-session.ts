// The edit loop of `kubectl edit` (kubectl pkg/cmd/util/editor/editoptions.go Run, visitToPatch,
// editResults): the objects go to a temporary file (YAML with the instruction header, or JSON), the
// editor runs, and the file is compared with what was written — comments and formatting aside. An
// unchanged file cancels; an empty one aborts; a file that does not parse, or an object the server
// finds invalid, reopens the editor with the reasons in the header; a second save without a change
// gives up and keeps the file. Each changed object is sent as a two-way strategic merge patch.

import { withLastApplied } from '../../api/apply'
import { ApiError } from '../../api/errors'
import { kindFor, type KindInfo } from '../../api/kinds'
import type { FieldValidation } from '../../api/schema/field-validation'
import { createTwoWayMergePatch } from '../../api/strategic-diff'
import type { KubeObject } from '../../api/types'
import { deepEqual } from '../../core/json'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { decodeStream } from '../manifest/stream'
import { type JsonValue, YamlSyntaxError, yamlDocumentToJson } from '../manifest/yaml-to-json'
import { toGoYaml } from '../printers/go-yaml'
import { toGoJson, toGoJsonCompact } from '../printers/json'
import { launchEditor, tempEditPath } from './editor'
import type { MutationPrinter } from './print'
import type { Target } from './targets'

export interface EditOptions {
  format: 'yaml' | 'json'
  saveConfig: boolean
  fieldValidation: FieldValidation
  outputPatch: boolean
  /** The namespace of the command (-n or the context's): edited objects must stay in it. */
  namespace: string
  printer: MutationPrinter
}

interface Reason {
  head: string
  other: string[]
}

interface Results {
  reasons: Reason[]
  retryable: number
  notfound: number
  edit: number
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** hashOnLineBreak: continuation lines of a reason stay comments. */
function hashOnLineBreak(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i]
  return out
}

function headerText(reasons: readonly Reason[]): string {
  let h = HEADER
  for (const r of reasons) {
    h += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`
    for (const o of r.other) h += `# * ${hashOnLineBreak(o)}\n`
    h += '#\n'
  }
  return h
}

/** cmdutil.ManualStrip: drops comment lines (not `#!`). */
function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!')))
    .join('\n')
}

/** cmdutil.StripComments: the document as JSON when it parses (so formatting does not count). */
function stripComments(text: string): string {
  try {
    return JSON.stringify(yamlDocumentToJson(text))
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e
    return manualStrip(text)
  }
}

function hasLines(text: string): boolean {
  return text.split('\n').some((l) => l.trim().length > 0 && !l.trim().startsWith('#'))
}

function render(infos: readonly Target[], format: 'yaml' | 'json'): string {
  const obj = infos.length === 1 ? infos[0].object : { apiVersion: 'v1', items: infos.map((i) => i.object), kind: 'List', metadata: {} }
  return format === 'json' ? toGoJson(obj) : toGoYaml(obj)
}

/** The edited file's objects (the "edited-file" stream), or the text of why it cannot be read. */
function parseEdited(text: string): { objects: { obj: KubeObject; mapping: KindInfo }[] } | { error: string } {
  const decoded = decodeStream(text)
  if (decoded.error !== undefined) return { error: `error parsing edited-file: ${decoded.error}` }
  const out: { obj: KubeObject; mapping: KindInfo }[] = []
  const visit = (v: JsonValue) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return
    if (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) return v.items.forEach(visit)
    const obj = v as unknown as KubeObject
    const mapping = kindFor(obj.apiVersion, obj.kind)
    if (!mapping) throw new KubectlError(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`)
    out.push({ obj, mapping })
  }
  try {
    decoded.values.forEach(visit)
  } catch (e) {
    if (e instanceof KubectlError) return { error: e.message }
    throw e
  }
  return { objects: out }
}

/** preservedFile: where the user's changes were kept, then the error. */
function preserved(inv: Invocation, err: unknown, path: string): never {
  if (path && inv.ctx.fs.exists(path)) inv.err(`A copy of your changes has been stored to "${path}"\n`)
  throw err
}

/** editResults.addError: what is printed, and how the loop goes on. */
function addError(r: Results, err: ApiError, t: { mapping: KindInfo; name: string }): string {
  const what = `${t.mapping.resource}${t.mapping.group ? '.' + t.mapping.group : ''} "${t.name}"`
  if (err.reason === 'Invalid') {
    r.edit++
    r.reasons.push({ head: `${what} was not valid`, other: (err.details.causes ?? []).map((c) => `${c.field}: ${c.message}`) })
    return `error: ${what} is invalid`
  }
  if (err.reason === 'NotFound') {
    r.notfound++
    return `error: ${what} could not be found on the server`
  }
  r.retryable++
  return `error: ${what} could not be patched: ${err.message}`
}

/** visitToPatch for one edited object: skipped, patched and printed, or an error recorded in `r`. */
function patchOne(inv: Invocation, o: EditOptions, originals: readonly Target[], edited: KubeObject, mapping: KindInfo, r: Results): void {
  const original = originals.find((t) => t.object.metadata.uid === edited.metadata?.uid)
  if (!original) throw new KubectlError(`no original object found for ${mapping.resource}/${edited.metadata?.name ?? ''}`)
  const before = original.object as unknown as Record<string, unknown>
  const after = edited as unknown as Record<string, unknown>
  if (deepEqual(before, after)) return o.printer.print(edited, 'skipped')
  if (before.apiVersion !== after.apiVersion || before.kind !== after.kind || original.object.metadata.name !== edited.metadata?.name) {
    throw new KubectlError('At least one of apiVersion, kind and name was changed')
  }
  const patch = createTwoWayMergePatch(before, after, mapping.kind)
  if (o.outputPatch) inv.out(`Patch: ${toGoJsonCompact(patch)}\n`)
  try {
    const patched = inv.api.patch(mapping.kind, original.namespace, original.name, 'strategic', patch, { actor: 'kubectl', fieldValidation: o.fieldValidation })
    inv.warn(inv.api.warnings())
    o.printer.print(patched, 'edited')
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    inv.err(addError(r, e, original) + '\n')
  }
}

export async function editLoop(inv: Invocation, infos: readonly Target[], o: EditOptions): Promise<number> {
  const fs = inv.ctx.fs
  const ext = o.format === 'json' ? '.json' : '.yaml'
  let reasons: Reason[] = []
  let containsError = false
  let original = ''
  let edited = ''
  let kept = ''
  for (;;) {
    let buf = o.format === 'yaml' ? headerText(reasons) : ''
    if (!containsError) {
      buf += render(infos, o.format)
      original = buf
    } else buf += manualStrip(edited)
    const previous = edited
    const path = tempEditPath(inv, ext)
    try {
      edited = await launchEditor(inv, path, buf)
    } catch (e) {
      preserved(inv, e, kept)
    }
    if (containsError && stripComments(previous) === stripComments(edited)) preserved(inv, new KubectlError('Edit cancelled, no valid changes were saved.'), path)
    if (kept) fs.remove(kept)
    if (stripComments(original) === stripComments(edited)) {
      fs.remove(path)
      inv.err('Edit cancelled, no changes made.\n')
      return 0
    }
    if (!hasLines(edited)) {
      fs.remove(path)
      inv.err('Edit cancelled, saved file was empty.\n')
      return 0
    }
    kept = path
    const r: Results = { reasons: [], retryable: 0, notfound: 0, edit: 0 }
    const parsed = parseEdited(edited)
    if ('error' in parsed) {
      containsError = true
      reasons = [{ head: `The edited file had a syntax error: ${parsed.error}`, other: [] }]
      continue
    }
    try {
      for (const { obj, mapping } of parsed.objects) {
        const ns = mapping.namespaced ? obj.metadata?.namespace || o.namespace : ''
        if (mapping.namespaced && ns !== o.namespace) {
          throw new KubectlError(`the namespace from the provided object "${ns}" does not match the namespace "${o.namespace}". You must pass '--namespace=${ns}' to perform this operation.`)
        }
        const withNs = mapping.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace: ns } } : obj
        const object = o.saveConfig ? (withLastApplied(withNs as unknown as Record<string, unknown>) as unknown as KubeObject) : withNs
        patchOne(inv, o, infos, object, mapping, r)
      }
    } catch (e) {
      if (e instanceof KubectlError) preserved(inv, e, path)
      throw e
    }
    if (r.retryable > 0) {
      inv.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`)
      return 1
    }
    if (r.notfound > 0) {
      inv.err(`The edits you made on deleted resources have been saved to "${path}"\n`)
      return 1
    }
    if (r.edit === 0) {
      fs.remove(path)
      return 0
    }
    reasons = r.reasons
    containsError = true
  }
}
