// The template-family printers by -o format name, for the printer registry (OutputFormats):
// jsonpath, jsonpath-file, jsonpath-as-json, custom-columns, custom-columns-file, and the Go template
// formats (go-template, go-template-file, template, templatefile). The *-file formats read their
// template with kubectl's error texts (cli-runtime jsonpath_flags.go/template_flags.go,
// kubectl customcolumn_flags.go).

import { KubectlError } from '../../errors'
import { columnsFromSpec, columnsFromTemplate, CustomColumnsPrinter } from '../custom-columns'
import { GoTemplatePrinter } from '../go-template/printer'
import type { OutputFormats, TemplatePrinterSpec } from '../registry'
import { JsonPathPrinter } from './printer'

/** os.ReadFile's error as kubectl shows it: `open NAME: no such file or directory`. */
function readTemplate(spec: TemplatePrinterSpec, wrap: (err: string) => string): string {
  try {
    return spec.readFile(spec.argument)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    const why = /directory/i.test(msg) && !/no such/i.test(msg) ? `read ${spec.argument}: is a directory` : `open ${spec.argument}: no such file or directory`
    throw new KubectlError(wrap(why))
  }
}

const readForTemplate = (spec: TemplatePrinterSpec) => readTemplate(spec, (why) => `error reading --template ${spec.argument}, ${why}`)

export const TEMPLATE_OUTPUT_FORMATS: OutputFormats = {
  jsonpath: (s) => new JsonPathPrinter(s.argument, s.allowMissingKeys),
  'jsonpath-as-json': (s) => new JsonPathPrinter(s.argument, s.allowMissingKeys, true),
  'jsonpath-file': (s) => new JsonPathPrinter(readForTemplate(s), s.allowMissingKeys),
  'go-template': (s) => new GoTemplatePrinter(s.argument, s.allowMissingKeys),
  template: (s) => new GoTemplatePrinter(s.argument, s.allowMissingKeys),
  'go-template-file': (s) => new GoTemplatePrinter(readForTemplate(s), s.allowMissingKeys),
  templatefile: (s) => new GoTemplatePrinter(readForTemplate(s), s.allowMissingKeys),
  'custom-columns': (s) => new CustomColumnsPrinter(columnsFromSpec(s.argument), s.noHeaders),
  // The file form ignores --no-headers (NewCustomColumnsPrinterFromTemplate).
  'custom-columns-file': (s) => new CustomColumnsPrinter(columnsFromTemplate(readTemplate(s, (why) => `error reading template ${s.argument}, ${why}\n`)), false),
}
