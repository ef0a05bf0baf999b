// Merges the two sources into one model of the API: the upstream overlay (Go types, required
// fields, enums, the v1.33 field set, and the v1.33 descriptions that differ from kubernetes-types')
// and kubernetes-types (all other descriptions). Where kubernetes-types has a field the v1.33 Go
// types do not, the field is reported and left out: the server would reject it.

/** What reflect prints for a type of this package: the Go package name, not our key. */
const GO_PACKAGE = { core: 'v1', apps: 'v1', discovery: 'v1', storage: 'v1', policy: 'v1', meta: 'v1', resource: 'resource', intstr: 'intstr', runtime: 'runtime', types: 'types' }

export function goName(key) {
  const [pkg, name] = key.split('.')
  return `${GO_PACKAGE[pkg]}.${name}`
}

/** The named type behind a field's type expression, when the field's own schema is that type. */
function directName(expr) {
  return expr.includes('.') && !expr.startsWith('[]') && !expr.startsWith('map[') ? expr : undefined
}

export function buildModel(upstream, tsTypes) {
  const notes = []
  const types = {}
  for (const [key, u] of Object.entries(upstream.types)) {
    const ts = tsTypes.get(key)
    const doc = u.doc ?? ts?.doc ?? ''
    if (u.kind === 'struct') {
      const fields = u.fields.map(([name, type, required]) => {
        let fdoc = u.docs?.[name] ?? ts?.fields.get(name)?.doc
        if (fdoc === undefined) {
          notes.push(`no description for ${key}.${name}`)
          fdoc = ''
        }
        const enumType = directName(type) && upstream.types[directName(type)]
        if (enumType?.enumLines) fdoc = [fdoc, '', 'Possible enum values:', ...enumType.enumLines].join('\n')
        return { name, type, required: required === 1, doc: fdoc }
      })
      for (const name of ts?.fields.keys() ?? []) {
        if (!u.fields.some((f) => f[0] === name)) notes.push(`kubernetes-types has ${key}.${name}, the v1.33 Go type does not: left out`)
      }
      types[key] = { kind: 'struct', go: goName(key), doc, fields }
    } else if (u.kind === 'string') {
      types[key] = { kind: 'string', go: goName(key), doc, enum: u.enum }
    } else if (u.kind === 'alias') {
      types[key] = { kind: 'alias', go: goName(key), doc, of: u.of }
    } else {
      types[key] = { kind: 'special', go: goName(key), doc }
    }
  }
  const apiVersions = {}
  for (const [kind, key] of Object.entries(upstream.roots)) {
    const lit = tsTypes.get(key)?.fields.get('apiVersion')?.tsType
    if (!lit) throw new Error(`model: no apiVersion literal for ${kind}`)
    apiVersions[kind] = JSON.parse(lit)
  }
  return { version: upstream.version, roots: upstream.roots, apiVersions, types, notes }
}
