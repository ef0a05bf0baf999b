// `kubectl api-resources` and `kubectl api-versions` (kubectl pkg/cmd/apiresources): what the API
// server's discovery says it serves. Here that is the kinds of sim/api/kinds.ts, each in its one
// group/version. api-resources sorts by group, then name (or by --sort-by name|kind), and prints
// through get's tabwriter; api-versions prints the sorted group/versions.

import { KINDS, type KindInfo } from '../../api/kinds'
import type { KubectlCommand } from '../command'
import { KubectlError, UsageError } from '../errors'
import { TabWriter } from '../printers/tabwriter'

/** Go's strings.Compare on byte strings (the names are ASCII). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortResources(kinds: readonly KindInfo[], sortBy: string): KindInfo[] {
  const key = (k: KindInfo) => (sortBy === 'name' ? k.resource : sortBy === 'kind' ? k.kind : k.group)
  // sort.Stable with sortableResource.Less: the key, then the resource name.
  return [...kinds].sort((a, b) => compare(key(a), key(b)) || compare(a.resource, b.resource))
}

const hasAll = (have: readonly string[], want: readonly string[]) => want.every((w) => have.includes(w))

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool', default: 'true' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
  ],
  run(inv) {
    const f = inv.flags
    if (inv.args.length) throw new UsageError(inv.commandPath, `unexpected arguments: [${inv.args.join(' ')}]`)
    const output = f.string('output')
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`--output ${output} is not available`)
    const sortBy = f.string('sort-by')
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError('--sort-by accepts only name or kind')
    const selected = KINDS.filter(
      (k) =>
        (!f.changed('api-group') || k.group === f.string('api-group')) &&
        (!f.changed('namespaced') || k.namespaced === f.bool('namespaced')) &&
        hasAll(k.verbs, f.strings('verbs')) &&
        hasAll(k.categories, f.strings('categories')),
    )
    let text = ''
    const w = TabWriter.forTables((t) => (text += t))
    if (!f.bool('no-headers') && output !== 'name') {
      w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`)
    }
    for (const k of sortResources(selected, sortBy)) {
      const cells = [k.resource, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind]
      if (output === 'name') w.write(`${k.group ? `${k.resource}.${k.group}` : k.resource}\n`)
      else if (output === 'wide') w.write([...cells, k.verbs.join(','), k.categories.join(',')].join('\t') + '\n')
      else w.write(cells.join('\t') + '\n')
    }
    w.flush()
    inv.out(text)
    return 0
  },
}

export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run(inv) {
    if (inv.args.length) throw new UsageError(inv.commandPath, `unexpected arguments: [${inv.args.join(' ')}]`)
    const versions = [...new Set(KINDS.map((k) => k.apiVersion))].sort(compare)
    inv.out(versions.map((v) => `${v}\n`).join(''))
    return 0
  },
}
