// `kubectl explain RESOURCE[.field...]` (kubectl v1.33 pkg/cmd/explain/explain.go, which renders
// the server's OpenAPI v3 through pkg/explain/v2 and the plaintext template). The resource part is
// resolved as explain.SplitAndParseResourceRequestWithMatchingPrefix does (`statefulsets.apps.spec`
// skips the group; `sts.spec`), or with --api-version as SplitAndParseResourceRequest does.

import { KINDS, type KindInfo } from '../../api/kinds'
import { rootType } from '../../api/schema/structure'
import type { FlagSpec } from '../flags/pflag'
import { renderRoot } from './render'
import type { Descriptions } from './schema-view'

export type { Descriptions } from './schema-view'

export interface ExplainRequest {
  /** Positional arguments (flags removed). */
  args: readonly string[]
  recursive?: boolean
  apiVersion?: string
  output?: string
}

export interface ExplainOptions {
  /** The descriptions, from loadDescriptions(). */
  descriptions: Descriptions
}

export interface ExplainResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** kubectl v1.33 explain's own flags (no -r shorthand yet: that came in a later release). */
export const EXPLAIN_FLAGS: readonly FlagSpec[] = [
  { name: 'recursive', type: 'bool', default: 'false', usage: 'Print the fields of fields (Currently only 1 level deep)' },
  { name: 'api-version', type: 'string', default: '', usage: 'Get different explanations for particular API version (API group/version)' },
  { name: 'output', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
]

/** The descriptions are large: loaded on the first `kubectl explain` (and by the editor's hovers). */
export async function loadDescriptions(): Promise<Descriptions> {
  const m = await import('../../api/schema/generated/descriptions.json')
  return (m.default ?? m) as unknown as Descriptions
}

/** The group/versions a v1.33 (kind) API server publishes OpenAPI v3 for (`/openapi/v3` paths). */
const SERVED_GROUP_VERSIONS = new Set([
  'api/v1',
  ...[
    'admissionregistration.k8s.io/v1',
    'apiextensions.k8s.io/v1',
    'apiregistration.k8s.io/v1',
    'apps/v1',
    'authentication.k8s.io/v1',
    'authorization.k8s.io/v1',
    'autoscaling/v1',
    'autoscaling/v2',
    'batch/v1',
    'certificates.k8s.io/v1',
    'coordination.k8s.io/v1',
    'discovery.k8s.io/v1',
    'events.k8s.io/v1',
    'flowcontrol.apiserver.k8s.io/v1',
    'networking.k8s.io/v1',
    'node.k8s.io/v1',
    'policy/v1',
    'rbac.authorization.k8s.io/v1',
    'scheduling.k8s.io/v1',
    'storage.k8s.io/v1',
  ].map((gv) => `apis/${gv}`),
])

class ExplainError extends Error {}

const fail = (message: string): ExplainResult => ({ stdout: '', stderr: message.endsWith('\n') ? message : message + '\n', exitCode: 1 })

export function explain(req: ExplainRequest, opts: ExplainOptions): ExplainResult {
  try {
    return { stdout: run(req, opts), stderr: '', exitCode: 0 }
  } catch (e) {
    if (e instanceof ExplainError) return fail(`error: ${e.message}`)
    throw e
  }
}

function run(req: ExplainRequest, opts: ExplainOptions): string {
  if (req.args.length === 0) throw new ExplainError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
  if (req.args.length > 1) throw new ExplainError('We accept only this format: explain RESOURCE\n')
  const input = req.args[0]
  const { kind, fields } = req.apiVersion ? splitResource(input) : splitWithMatchingPrefix(input)
  // Errors come in the order Run meets them: the resource, the output renderer, the group/version,
  // the OpenAPI path of the group/version, the template (unknown format), the schema.
  const output = req.output ?? 'plaintext'
  if (output === 'plaintext-openapiv2') throw new ExplainError('--output=plaintext-openapiv2 (the OpenAPI v2 renderer) is not available in this simulator')
  const [group, version] = req.apiVersion ? parseGroupVersion(req.apiVersion) : [kind.group, kind.version]
  const gvr = `${group}/${version}, Resource=${kind.resource}`
  const path = group ? `apis/${group}/${version}` : `api/${version}`
  if (!SERVED_GROUP_VERSIONS.has(path)) throw new ExplainError(`couldn't find resource for "${gvr}"`)
  if (output !== 'plaintext') throw new ExplainError(`unrecognized format: ${output}`)
  if (group !== kind.group || version !== kind.version) throw new ExplainError(`GVR (${gvr}) not found in OpenAPI schema`)
  const body = renderRoot(rootType(kind.kind), fields, req.recursive ?? false, opts.descriptions)
  if (!body) throw new ExplainError(`field "${fields[fields.length - 1]}" does not exist`)
  let head = ''
  if (kind.group) head += `GROUP:      ${kind.group}\n`
  head += `KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`
  return head + body + '\n'
}

/**
 * The field names of `{.<in>}` as kubectl's jsonpath parser splits it (a trailing `.` is dropped).
 * Anything but plain field names (`[0]`, `..`, `*`) is not accepted by explain.
 */
function jsonPathFields(input: string): string[] {
  const s = input.endsWith('.') ? input.slice(0, -1) : input
  const parts = s.split('.')
  if (parts.some((p) => p === '' || /[[\]*@$()?'"{}\s]/.test(p))) throw new ExplainError('invalid jsonpath syntax, first node must be field node')
  return parts
}

/** RESTMapper.ResourcesFor: plural, singular or short name, case-insensitive; core kinds come first. */
function kindsFor(resource: string): KindInfo[] {
  const r = resource.toLowerCase()
  const found = KINDS.filter((k) => k.resource === r || k.singular === r || k.shortNames.includes(r))
  if (found.length === 0) throw new ExplainError(`the server doesn't have a resource type "${r}"`)
  return found
}

function splitWithMatchingPrefix(input: string): { kind: KindInfo; fields: string[] } {
  const nodes = jsonPathFields(input)
  const kinds = kindsFor(nodes[0])
  for (const k of kinds) {
    const groupResource = k.group ? `${k.resource}.${k.group}` : k.resource
    if (input.startsWith(groupResource)) {
      // The rest parses as `{.<rest>}` and its first node is skipped: with the usual leading dot that
      // node is the recursive descent of `{..spec}`, so `.spec` gives [spec] (and `x.spec` gives [spec]).
      const rest = input.slice(groupResource.length)
      if (rest === '' || rest === '.') return { kind: k, fields: [] }
      const fields = rest.startsWith('.') ? jsonPathFields(rest.slice(1)) : jsonPathFields(rest).slice(1)
      return { kind: k, fields }
    }
  }
  return { kind: kinds[0], fields: nodes.slice(1) }
}

function splitResource(input: string): { kind: KindInfo; fields: string[] } {
  const nodes = jsonPathFields(input)
  return { kind: kindsFor(nodes[0])[0], fields: nodes.slice(1) }
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): [string, string] {
  if (gv === '' || gv === '/') return ['', '']
  const parts = gv.split('/')
  if (parts.length === 1) return ['', parts[0]]
  if (parts.length === 2) return [parts[0], parts[1]]
  throw new ExplainError(`unexpected GroupVersion string: ${gv}`)
}
