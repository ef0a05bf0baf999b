// NamePrinter (cli-runtime printers/name.go): `<kind>[.<group>]/<name>` in lower case, optionally
// followed by an operation (`statefulset.apps/web created`).

import type { KubeObject } from '../../api/types'

/** `statefulset.apps`, `pod`: the lower-cased GroupKind of an object, from its apiVersion and kind. */
export function groupKindLowerOf(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : ''
  const kind = obj.kind || '<unknown>'
  return (group ? `${kind}.${group}` : kind).toLowerCase()
}

/** One NamePrinter line: `service/nginx created`, `pod/web-0` (no operation). */
export function nameLine(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>, operation = ''): string {
  const name = obj.metadata?.name || '<unknown>'
  return `${groupKindLowerOf(obj)}/${name}${operation ? ` ${operation}` : ''}\n`
}
