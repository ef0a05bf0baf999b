// resource.Info.String() as kubectl's messages embed it (`applying patch: ... to: <info> for: ...`):
//   Resource: "apps/v1, Resource=statefulsets", GroupVersionKind: "apps/v1, Kind=StatefulSet"
//   Name: "web", Namespace: "default"

import type { KindInfo } from '../../api/kinds'

export function infoString(t: { mapping: KindInfo; name: string; namespace: string }): string {
  const m = t.mapping
  const gv = `${m.group}/${m.version}`
  return `Resource: "${gv}, Resource=${m.resource}", GroupVersionKind: "${gv}, Kind=${m.kind}"\nName: "${t.name}", Namespace: "${t.namespace}"`
}
