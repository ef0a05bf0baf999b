// `-o go-template=...` (also `template`, `--template`, `go-template-file`, `templatefile`): cli-runtime's
// GoTemplatePrinter. The template is named "output", runs over the object as JSON-decoded Go values,
// with missingkey=default (`<no value>`) unless --allow-missing-template-keys=false (missingkey=error).
// On an execution error kubectl has already written the partial output; it then writes debugging
// text to stdout (the template, the raw JSON, the object as %+v) and fails with the Go error.

import type { KubeObject } from '../../../api/types'
import { KubectlError } from '../../errors'
import { PartialOutputError } from '../jsonpath/partial-output'
import { toGoJsonCompact } from '../json'
import type { ObjectPrinter } from '../registry'
import { executeTemplate, GoTemplateExecError } from './exec'
import { goQuote, goSprint } from './fmt'
import { FUNC_NAMES } from './funcs'
import { GoTemplateParseError, parseTemplate, type TreeSet } from './parse'

const NAME = 'output'

export class GoTemplatePrinter implements ObjectPrinter {
  private readonly trees: TreeSet

  constructor(
    private readonly template: string,
    private readonly allowMissingKeys: boolean,
  ) {
    try {
      this.trees = parseTemplate(NAME, template, FUNC_NAMES)
    } catch (e) {
      if (e instanceof GoTemplateParseError) throw new KubectlError(`error parsing template ${template}, ${e.message}`)
      throw e
    }
  }

  print(obj: KubeObject): string {
    try {
      return executeTemplate(NAME, this.template, this.trees, obj, !this.allowMissingKeys)
    } catch (e) {
      if (!(e instanceof GoTemplateExecError)) throw e
      const debug =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\traw data was:\n\t\t${toGoJsonCompact(obj)}\n` +
        `\tobject given to template engine was:\n\t\t${goSprint(obj)}\n\n`
      throw new PartialOutputError(`error executing template ${goQuote(this.template)}: ${e.message}`, e.output + debug)
    }
  }
}
