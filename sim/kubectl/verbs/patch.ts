// `kubectl patch` (kubectl pkg/cmd/patch/patch.go): a strategic merge (default), JSON merge or JSON
// patch from -p or --patch-file (YAML or JSON), sent to the server for each target; the result is
// `patched`, or `patched (no change)` when the object came back as it was. With --local or
// --dry-run=client the patch is applied here and nothing is sent. kubectl patch names no field
// validation, so the server warns about unknown fields (its default) instead of failing.

import { ApiError } from '../../api/errors'
import { applyPatch, type PatchType } from '../../api/patch'
import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { deepEqual } from '../../core/json'
import { normalizePath } from '../../storage/memfs'
import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { YamlSyntaxError, yamlDocumentToJson } from '../manifest/yaml-to-json'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAGS, OUTPUT_FLAGS, RECORD_FLAG, serverDryRun, warnDeprecatedRecord } from '../mutate/flags'
import { mutationPrinter } from '../mutate/print'
import { resolveTargets, fileTargets, type TargetEntry } from '../mutate/targets'

const PATCH_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  RECORD_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-patch'),
  { name: 'patch', shorthand: 'p', type: 'string' as const },
  { name: 'patch-file', type: 'string' as const },
  { name: 'type', type: 'string' as const, default: 'strategic' },
  { name: 'local', type: 'bool' as const },
  { name: 'subresource', type: 'string' as const },
]

const PATCH_TYPES: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' }

/** A `{...}` text that is not valid JSON: kubectl sends it as it is, and whoever decodes it fails. */
class BadJson {
  constructor(readonly text: string) {}
  /** encoding/json's syntax error, as the API server reports it. */
  goError(): string {
    try {
      JSON.parse(this.text)
    } catch (e) {
      const m = /position (\d+)/.exec(String(e))
      if (m && Number(m[1]) < this.text.length) return `invalid character '${this.text[Number(m[1])]}' looking for beginning of value`
    }
    return 'unexpected end of JSON input'
  }
}

/**
 * apimachinery util/yaml.ToJSON: text that starts with `{` is taken as JSON without a check; anything
 * else is YAML (JSON patches' `[...]` included) converted to JSON.
 */
function patchBody(inv: Invocation): unknown {
  const f = inv.flags
  let text = f.string('patch')
  const file = f.string('patch-file')
  if (file) {
    const path = normalizePath(file, inv.ctx.cwd)
    if (!inv.ctx.fs.exists(path) || inv.ctx.fs.isDir(path)) throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`)
    text = inv.ctx.fs.readFile(path)
  }
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return new BadJson(text)
    }
  }
  try {
    return yamlDocumentToJson(text)
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e
    // kubectl quotes --patch here even when the text came from --patch-file.
    throw new KubectlError(`unable to parse ${JSON.stringify(f.string('patch'))}: ${e.message}`)
  }
}

function validate(inv: Invocation, dryRun: string): void {
  const f = inv.flags
  if (f.string('patch') && f.string('patch-file')) throw new KubectlError('cannot specify --patch and --patch-file together')
  if (!f.string('patch') && !f.string('patch-file')) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch')
  if (f.bool('local') && inv.args.length) throw new KubectlError('cannot specify --local and server resources')
  if (f.bool('local') && dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  const type = f.string('type')
  if (type && !(type.toLowerCase() in PATCH_TYPES)) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`)
}

/** The patch applied here (--local, --dry-run=client): the library's error text, not the server's. */
function patchLocally(obj: KubeObject, kind: Kind, type: PatchType, body: unknown): KubeObject {
  if (body instanceof BadJson) {
    // strategicpatch's ErrBadJSONDoc, evanphx's ErrBadJSONPatch, json.Unmarshal's own error.
    throw new KubectlError(type === 'strategic' ? 'invalid JSON document' : type === 'merge' ? 'Invalid JSON Patch' : body.goError())
  }
  try {
    return applyPatch(obj, type, body, kind)
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(e.message)
    throw e
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  const dryRun = dryRunStrategy(inv)
  validate(inv, dryRun)
  const type = PATCH_TYPES[(f.string('type') || 'strategic').toLowerCase()]
  const body = patchBody(inv)
  const local = f.bool('local')
  if (f.string('subresource')) throw new KubectlError('--subresource is not available in this simulator')
  const entries: TargetEntry[] = local ? fileTargets(inv, { requireObject: false, local: true }) : resolveTargets(inv, { requireObject: true })
  const errors: unknown[] = []
  let count = 0
  for (const entry of entries) {
    if (!entry.ok) {
      errors.push(entry.error)
      continue
    }
    const t = entry.target
    count++
    try {
      let result: KubeObject
      if (!local && dryRun !== 'client') {
        if (body instanceof BadJson) throw new ApiError('BadRequest', type === 'strategic' ? body.goError() : `error decoding patch: ${body.goError()}`)
        result = inv.api.patch(t.mapping.kind, t.namespace, t.name, type, body, { actor: 'kubectl', dryRun: serverDryRun(dryRun), fieldValidation: 'Warn' })
        inv.warn(inv.api.warnings())
      } else {
        result = patchLocally(t.object, t.mapping.kind, type, body)
      }
      // No dry-run suffix here: kubectl patch builds its printer without it.
      mutationPrinter(inv).print(result, deepEqual(t.object, result) ? 'patched (no change)' : 'patched')
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof KubectlError)) throw e
      errors.push(e)
    }
  }
  AggregateError.throwIfAny(errors)
  if (count === 0) throw new KubectlError('no objects passed to patch')
  return 0
}

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: PATCH_FLAGS,
  run,
}
