// How a mutating verb prints what it did (genericclioptions.PrintFlags.ToPrinter with the verb's
// operation): `statefulset.apps/web configured` by default (NamePrinter with the operation, plus
// ` (dry run)` / ` (server dry run)` from PrintFlagsWithDryRunStrategy), `-o name` without the
// operation, `-o json|yaml` the object, and the template formats (go-template, jsonpath) through the
// printers kubectl was assembled with. There is no table here: `-o wide` is not a format of these
// commands.

import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { normalizePath } from '../../storage/memfs'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { toGoYaml } from '../printers/go-yaml'
import { toGoJson } from '../printers/json'
import { nameLine } from '../printers/name'
import type { ObjectPrinter, TemplateFormat } from '../printers/registry'
import { type DryRun, dryRunSuffix } from './flags'
import { toListGoJson, toTypedGoJson } from './typed-json'

const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'] as const

/** PrintFlags.AllowedFormats for these commands, sorted as the error lists them. */
const ALLOWED = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS].sort().join(',')

export interface MutationPrinter {
  /** `-o name` (kubectl's `shortOutput`). */
  readonly short: boolean
  /** The default (no -o): a NamePrinter line with the operation. */
  readonly operationLine: boolean
  /**
   * Prints one object. `typed` names the Go type when kubectl holds a typed object (generators, set
   * image): `-o json` then keeps Go's field order.
   */
  print(obj: KubeObject, operation: string, typed?: Kind): void
  /** Several objects at once as kubectl's own `kind: List` (apply -o yaml at the end of the run). */
  printList(objs: readonly KubeObject[]): void
}

type Mode = { type: 'name'; short: boolean } | { type: 'json' } | { type: 'yaml' } | { type: 'template'; printer: ObjectPrinter }

function selectMode(inv: Invocation): Mode {
  const f = inv.flags
  let format = f.string('output')
  const template = f.has('template') ? f.string('template') : ''
  if (template && !format) format = 'go-template'
  if (format === '') return { type: 'name', short: false }
  if (format === 'name') return { type: 'name', short: true }
  if (format === 'json') return { type: 'json' }
  if (format === 'yaml') return { type: 'yaml' }
  const eq = format.indexOf('=')
  const base = eq < 0 ? format : format.slice(0, eq)
  const argument = eq < 0 ? template : format.slice(eq + 1)
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(base)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`)
  }
  if (!argument) throw new KubectlError('template format specified but no template given')
  const factory = inv.outputFormats[base as TemplateFormat]
  if (!factory) throw new KubectlError(`output format "${base}" is not available in this simulator`)
  const printer = factory({
    format: base,
    argument,
    allowMissingKeys: f.has('allow-missing-template-keys') ? f.bool('allow-missing-template-keys') : true,
    noHeaders: false,
    readFile: (p) => inv.ctx.fs.readFile(normalizePath(p, inv.ctx.cwd)),
  })
  return { type: 'template', printer }
}

/** --show-managed-fields=false drops metadata.managedFields from printed objects. */
function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj
  const { managedFields: _drop, ...metadata } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown }
  return { ...obj, metadata }
}

/** PrintFlags.ToPrinter for a command that reports `<operation>` (with the dry-run suffix when asked). */
export function mutationPrinter(inv: Invocation, dryRun: DryRun = 'none'): MutationPrinter {
  const mode = selectMode(inv)
  const suffix = dryRunSuffix(dryRun)
  const showManaged = inv.flags.has('show-managed-fields') && inv.flags.bool('show-managed-fields')
  return {
    short: mode.type === 'name' && mode.short,
    operationLine: mode.type === 'name' && !mode.short,
    print(input, operation, typed) {
      const obj = showManaged ? input : withoutManagedFields(input)
      switch (mode.type) {
        case 'name':
          return inv.out(nameLine(obj, mode.short ? '' : operation + suffix))
        case 'json':
          return inv.out(typed ? toTypedGoJson(typed, obj) : toGoJson(obj))
        case 'yaml':
          return inv.out(toGoYaml(obj))
        case 'template':
          return inv.out(mode.printer.print(obj))
      }
    },
    printList(objs) {
      if (objs.length === 1) return this.print(objs[0], '')
      const items = objs.map((o) => (showManaged ? o : withoutManagedFields(o)))
      const list = { apiVersion: 'v1', items, kind: 'List', metadata: {} } as unknown as KubeObject
      if (mode.type === 'json') return inv.out(toListGoJson(items))
      if (mode.type === 'yaml') return inv.out(toGoYaml(list))
      if (mode.type === 'template') return inv.out(mode.printer.print(list))
      for (const o of items) inv.out(nameLine(o))
    },
  }
}
