// How kubectl maps what the user typed to a resource type (cli-runtime Builder.mappingFor over the
// discovery RESTMapper with its short-name expander):
//   - `sts`, `statefulsets`, `statefulset`, `StatefulSet`, `STATEFULSETS` (plural, singular and Kind are
//     matched case-insensitively; short names only as written: `STS` is unknown)
//   - `sts.apps` / `StatefulSet.apps` (resource or kind + group)
//   - `statefulsets.v1.apps`, `pod.v1.` (resource + version + group; with 3+ parts)
//   - `pods.v1` is NOT pods: with one dot the suffix is a group, and there is no group "v1".
// Unknown types fail with `the server doesn't have a resource type "<first dot-part>"`.

import { KINDS, type KindInfo } from '../api/kinds'
import { KubectlError } from './errors'

function nameMatches(k: KindInfo, name: string): boolean {
  if (k.shortNames.includes(name)) return true
  const lower = name.toLowerCase()
  return lower === k.resource || lower === k.singular || lower === k.kind.toLowerCase()
}

/** Resolves one type argument, or undefined when the server has no such type. */
export function findMapping(arg: string): KindInfo | undefined {
  const parts = arg.split('.')
  const name = parts[0]
  if (!name) return undefined
  // schema.ParseResourceArg / ParseKindArg: `a.b.c...` is also resource a, version b, group c...
  if (parts.length >= 3) {
    const version = parts[1]
    const group = parts.slice(2).join('.')
    const k = KINDS.find((x) => nameMatches(x, name) && x.version === version && x.group === group)
    if (k) return k
  }
  // ... and in every case resource (or kind) a in group "b.c..." (any group when there is no dot).
  const group = parts.length > 1 ? parts.slice(1).join('.') : undefined
  return KINDS.find((x) => nameMatches(x, name) && (group === undefined || x.group === group))
}

export function noResourceTypeError(arg: string): KubectlError {
  return new KubectlError(`the server doesn't have a resource type "${arg.split('.')[0]}"`)
}

/** Like findMapping, but throws kubectl's error for unknown types. */
export function mappingFor(arg: string): KindInfo {
  const k = findMapping(arg)
  if (!k) throw noResourceTypeError(arg)
  return k
}

// Discovery lists groups in this order (core first) and resources alphabetically within a group; the
// category expander walks them in that order, so `get all` prints pods, services, then apps kinds.
const GROUP_ORDER = ['', 'apps', 'events.k8s.io', 'autoscaling', 'batch', 'policy', 'storage.k8s.io', 'discovery.k8s.io']

function discoveryRank(k: KindInfo): [number, string] {
  const g = GROUP_ORDER.indexOf(k.group)
  return [g < 0 ? GROUP_ORDER.length : g, k.resource]
}

/** The resources of a category (`all`), as `resource[.group]` strings in discovery order; case-sensitive. */
export function expandCategory(name: string): string[] | undefined {
  const members = KINDS.filter((k) => k.categories.includes(name))
  if (members.length === 0) return undefined
  return members
    .sort((a, b) => {
      const [ga, ra] = discoveryRank(a)
      const [gb, rb] = discoveryRank(b)
      return ga - gb || (ra < rb ? -1 : ra > rb ? 1 : 0)
    })
    .map((k) => (k.group ? `${k.resource}.${k.group}` : k.resource))
}

/** What kubectl calls an object in `-o name` and table prefixes: `statefulset.apps`, `pod`. */
export function groupKindLower(k: KindInfo): string {
  return (k.group ? `${k.kind}.${k.group}` : k.kind).toLowerCase()
}
