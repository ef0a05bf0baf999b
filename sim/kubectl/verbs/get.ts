// `kubectl get` (kubectl pkg/cmd/get/get.go): validates the flags, fetches (get-collect.ts), prints
// (get-print.ts) or watches (get-watch.ts), and reports errors after whatever it could print.

import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError, UsageError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { GET_HELP } from '../help/get-help'
import { selectOutput } from '../printers/registry'
import { normalizePath } from '../../storage/memfs'
import { collect } from './get-collect'
import { printGeneric, printTables } from './get-print'
import { runWatch } from './get-watch'

/** The printing flags get shares with other verbs (cli-runtime PrintFlags + kubectl's get extras). */
export const PRINT_FLAGS: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'show-kind', type: 'bool' },
]

const GET_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'raw', type: 'string' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'server-print', type: 'bool', default: 'true' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int64', default: '500' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'subresource', type: 'string' },
]

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const output = f.string('output')
  const watch = f.bool('watch')
  const watchOnly = f.bool('watch-only')
  if (f.string('raw')) {
    if (inv.args.length) throw new KubectlError('arguments may not be passed when --raw is specified')
    throw new KubectlError('--raw is not available in this simulator')
  }
  // Complete: a type (or -f) is required unless watching.
  if (!watch && !watchOnly && inv.args.length === 0 && f.strings('filename').length === 0 && !f.string('kustomize')) {
    inv.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n')
    throw new UsageError(
      inv.commandPath,
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    )
  }
  // Validate.
  if (f.bool('show-labels') && output !== '' && output !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${output} printer`)
  if (f.bool('output-watch-events') && !(watch || watchOnly)) throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only')

  const mode = selectOutput(
    {
      output,
      template: f.string('template'),
      allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
      noHeaders: f.bool('no-headers'),
      readFile: (p) => inv.ctx.fs.readFile(normalizePath(p, inv.ctx.cwd)),
    },
    inv.outputFormats,
  )
  const allNamespaces = f.bool('all-namespaces')
  const labelSelector = f.string('selector').trim()
  const fieldSelector = f.string('field-selector').trim()
  const sortBy = f.string('sort-by')
  if (watch || watchOnly) {
    return runWatch(inv, mode, {
      labelSelector,
      fieldSelector,
      allNamespaces,
      watchOnly: watchOnly,
      outputWatchEvents: f.bool('output-watch-events'),
      noHeaders: f.bool('no-headers'),
      showLabels: f.bool('show-labels'),
      labelColumns: f.strings('label-columns'),
      sortBy,
    })
  }

  const ignoreNotFound = f.bool('ignore-not-found')
  const got = collect(inv, { labelSelector, fieldSelector, allNamespaces, ignoreNotFound, subresource: f.string('subresource') })

  if (mode.type === 'generic') {
    // printGeneric: a lone named object's error is the error; otherwise print what was found first,
    // then every error (nested aggregates flattened, a single one unwrapped).
    if (got.singleItemImplied && got.error !== undefined) throw got.error
    const errors = () => new AggregateError(AggregateError.flatten(got.error === undefined ? [] : [got.error]))
    const items = got.infos.flatMap((i) => i.objects)
    if (items.length === 0 && ignoreNotFound) {
      if (got.error !== undefined) throw errors()
      return 0
    }
    printGeneric(items, got.singleItemImplied, mode.printer, { sortBy, showManagedFields: f.bool('show-managed-fields') }, inv.out)
    if (got.error !== undefined) throw errors()
    return 0
  }

  const written = printTables(
    got.infos,
    inv.now(),
    {
      wide: mode.wide,
      noHeaders: f.bool('no-headers'),
      allNamespaces,
      showKind: f.bool('show-kind'),
      showLabels: f.bool('show-labels'),
      labelColumns: f.strings('label-columns'),
      sortBy,
      serverPrint: f.bool('server-print'),
    },
    inv.out,
  )
  if (written === 0 && !ignoreNotFound && got.error === undefined) {
    const allNamespaced = !allNamespaces && got.infos.every((i) => i.mapping.namespaced)
    inv.err(allNamespaced ? `No resources found in ${got.namespace} namespace.\n` : 'No resources found\n')
  }
  // get collects the builder's error into its own aggregate (allErrs).
  if (got.error !== undefined) throw new AggregateError([got.error])
  return 0
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  flags: GET_FLAGS,
  help: GET_HELP,
  run,
}
