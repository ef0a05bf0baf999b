// What `-o/--output` (and `--template`) select, as kubectl's PrintFlags.ToPrinter decides it: the
// human-readable table ('' or wide), name, json, yaml, and the template family (jsonpath, go-template,
// custom-columns), whose printers are handed in as an OutputFormats table when kubectl is assembled
// (createKubectl). Unknown formats fail with kubectl's "unable to match a printer" error.

import type { KubeObject } from '../../api/types'
import { KubectlError } from '../errors'
import { toGoJson } from './json'
import { toGoYaml } from './go-yaml'
import { groupKindLowerOf } from './name'

/** Prints one object, or a `kind: List` holding several, to a string. */
export interface ObjectPrinter {
  print(obj: KubeObject): string
}

export interface TemplatePrinterSpec {
  /** `jsonpath`, `go-template-file`, `custom-columns`, ... */
  format: string
  /** The text after `=` (or the --template flag). */
  argument: string
  /** --allow-missing-template-keys */
  allowMissingKeys: boolean
  /** --no-headers (custom-columns) */
  noHeaders: boolean
  /** Reads a file for the *-file formats (relative to the shell's cwd). */
  readFile(path: string): string
}

export type TemplatePrinterFactory = (spec: TemplatePrinterSpec) => ObjectPrinter

/** The template-family printers (jsonpath/, go-template/, custom-columns.ts), for createKubectl's outputFormats. */
export { TEMPLATE_OUTPUT_FORMATS } from './jsonpath/formats'

/** The template-family formats, in kubectl's AllowedFormats order. */
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'] as const
const CUSTOM_COLUMN_FORMATS = ['custom-columns', 'custom-columns-file'] as const

export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number] | (typeof CUSTOM_COLUMN_FORMATS)[number]

/** The printers of the template-family formats this kubectl offers (a missing one is "not available"). */
export type OutputFormats = Partial<Record<TemplateFormat, TemplatePrinterFactory>>

export const ALLOWED_FORMATS: readonly string[] = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS, ...CUSTOM_COLUMN_FORMATS, 'wide']

const isTemplateFormat = (f: string): f is (typeof TEMPLATE_FORMATS)[number] => (TEMPLATE_FORMATS as readonly string[]).includes(f)
const isCustomColumnFormat = (f: string): f is (typeof CUSTOM_COLUMN_FORMATS)[number] => (CUSTOM_COLUMN_FORMATS as readonly string[]).includes(f)

export type OutputMode =
  | { type: 'table'; wide: boolean }
  /** `format`: json, yaml, name, or the template-family format's name. */
  | { type: 'generic'; printer: ObjectPrinter; format: string }

function noCompatiblePrinter(format: string): KubectlError {
  const allowed = [...ALLOWED_FORMATS].sort().join(',')
  return new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${allowed}`)
}

export const namePrinter: ObjectPrinter = {
  print(obj) {
    const items = obj.kind === 'List' ? ((obj as unknown as { items: KubeObject[] }).items ?? []) : [obj]
    return items.map((o) => `${groupKindLowerOf(o)}/${o.metadata?.name || '<unknown>'}\n`).join('')
  },
}

export const jsonPrinter: ObjectPrinter = { print: (obj) => toGoJson(obj) }
export const yamlPrinter: ObjectPrinter = { print: (obj) => toGoYaml(obj) }

export interface OutputFlags {
  output: string
  template: string
  allowMissingTemplateKeys: boolean
  noHeaders: boolean
  readFile(path: string): string
}

/** PrintFlags.ToPrinter: the printer an -o value selects. */
export function selectOutput(f: OutputFlags, formats: OutputFormats): OutputMode {
  let format = f.output
  // get accepts --template alone: it means go-template.
  if (f.template && !format) format = 'go-template'
  if (format === '' || format === 'wide') return { type: 'table', wide: format === 'wide' }
  if (format === 'json') return { type: 'generic', printer: jsonPrinter, format }
  if (format === 'yaml') return { type: 'generic', printer: yamlPrinter, format }
  if (format === 'name') return { type: 'generic', printer: namePrinter, format }
  const eq = format.indexOf('=')
  const base = eq < 0 ? format : format.slice(0, eq)
  const argument = eq < 0 ? f.template : format.slice(eq + 1)
  if (isTemplateFormat(base)) {
    if (!argument) throw new KubectlError('template format specified but no template given')
  } else if (isCustomColumnFormat(base)) {
    if (!argument) throw new KubectlError('custom-columns format specified but no custom columns given')
  } else {
    throw noCompatiblePrinter(format)
  }
  const factory = formats[base]
  if (!factory) throw new KubectlError(`output format "${base}" is not available in this simulator`)
  const printer = factory({ format: base, argument, allowMissingKeys: f.allowMissingTemplateKeys, noHeaders: f.noHeaders, readFile: f.readFile })
  return { type: 'generic', printer, format: base }
}
