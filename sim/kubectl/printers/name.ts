// NamePrinter (cli-runtime printers/name.go): `<kind>[.<group>]/<name>` in lower case, optionally
// followed by an operation (`statefulset.apps/web created`).

/** Any object with a type and a name (stored objects, or kubernetes-types values whose fields are optional). */
export interface NamedObject {
  apiVersion?: string
  kind?: string
  metadata?: { name?: string }
}

/** `statefulset.apps`, `pod`: the lower-cased GroupKind of an object, from its apiVersion and kind. */
export function groupKindLowerOf(obj: NamedObject): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : ''
  const kind = obj.kind || '<unknown>'
  return (group ? `${kind}.${group}` : kind).toLowerCase()
}

/** One NamePrinter line: `service/nginx created`, `pod/web-0` (no operation). */
export function nameLine(obj: NamedObject, operation = ''): string {
  const name = obj.metadata?.name || '<unknown>'
  return `${groupKindLowerOf(obj)}/${name}${operation ? ` ${operation}` : ''}\n`
}
