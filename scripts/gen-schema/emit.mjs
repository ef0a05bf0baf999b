// The artifacts made from the model: the structural schema the simulator decodes with (no
// descriptions, loaded at start), the descriptions (loaded lazily by `kubectl explain` and editor
// hovers), and a JSON Schema per kind for the browser's YAML editor (monaco-yaml).

/** sim/api/schema/generated/structure.json: see sim/api/schema/structure.ts for the format. */
export function structureArtifact(model) {
  const types = {}
  for (const [key, t] of Object.entries(model.types)) {
    if (t.kind === 'struct') {
      const f = Object.fromEntries(t.fields.map((x) => [x.name, x.type]))
      const req = t.fields.filter((x) => x.required).map((x) => x.name)
      types[key] = req.length ? { go: t.go, f, req } : { go: t.go, f }
    } else if (t.kind === 'string') {
      types[key] = t.enum ? { go: t.go, str: 1, enum: t.enum } : { go: t.go, str: 1 }
    } else if (t.kind === 'alias') {
      types[key] = { go: t.go, of: t.of }
    } else {
      types[key] = { go: t.go, special: 1 }
    }
  }
  return { version: model.version, roots: model.roots, apiVersions: model.apiVersions, types }
}

/** sim/api/schema/generated/descriptions.json: {type: {'': type description, field: description}}. */
export function descriptionsArtifact(model) {
  const out = {}
  for (const [key, t] of Object.entries(model.types)) {
    const d = {}
    // Named strings, maps and slices are inlined in the OpenAPI document: their own docs are never shown.
    if (t.doc && (t.kind === 'struct' || t.kind === 'special')) d[''] = t.doc
    for (const f of t.fields ?? []) if (f.doc) d[f.name] = f.doc
    if (Object.keys(d).length) out[key] = d
  }
  return out
}

/** JSON for a committed file: one line per type keeps diffs readable without the bulk of full indentation. */
export function stringifyByKey(obj) {
  const entries = Object.entries(obj).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{\n${entries.join(',\n')}\n}\n`
}

export function stringifyStructure(s) {
  return `{\n  "version": ${JSON.stringify(s.version)},\n  "roots": ${JSON.stringify(s.roots)},\n  "apiVersions": ${JSON.stringify(s.apiVersions)},\n  "types": ${stringifyByKey(s.types).trimEnd().replace(/\n/g, '\n  ')}\n}\n`
}
