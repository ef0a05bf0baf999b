// Whatever a user types, the template printers fail only with their own errors (which kubectl
// prints), never with a crash of the simulator: parsing and executing JSONPath, Go templates and
// custom-columns specs over arbitrary input.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { KubectlError } from '../../errors'
import { columnsFromSpec, columnsFromTemplate, CustomColumnsPrinter } from '../custom-columns'
import { FUNC_NAMES } from '../go-template/funcs'
import { GoTemplatePrinter } from '../go-template/printer'
import { GoTemplateParseError, parseTemplate } from '../go-template/parse'
import { JsonPath, JsonPathExecError } from './evaluate'
import { JsonPathParseError, parseJsonPath } from './parser'
import { JsonPathPrinter } from './printer'
import { ORACLE_INPUTS } from './oracle-cases'

const objects = Object.values(ORACLE_INPUTS).map((t) => JSON.parse(t) as KubeObject)

const JSONPATH_PIECES = ['{', '}', '.', '..', '[', ']', '[*]', '[?(', ')]', '@', '$', '"', "'", '\\', '*', ':', ',', '-', '0', '1', '2.5', 'a', '==', '!=', '<', '>=', ' ', '\n', 'range', 'end', 'items', 'metadata', 'name', 'spec', 'true', 'é']
const TEMPLATE_PIECES = ['{{', '}}', '{{- ', ' -}}', '.', '$', '$x', ':=', '=', '|', '(', ')', ' ', '\n', '"s"', '`r`', "'c'", '1', '-2', '0x1f', '1.5', 'if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block', '"x"', 'nil', 'true', '.items', '.metadata', '.name', '.kind', 'printf', '"%d %s %v"', 'index', 'len', 'slice', 'eq', 'lt', 'and', 'or', 'not', 'print', 'exists', 'base64decode', 'html', '/*', '*/', ',', 'é']

const pieces = (list: string[]) => fc.array(fc.constantFrom(...list), { maxLength: 30 }).map((a) => a.join(''))
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }))

function only(fn: () => unknown, ...allowed: (abstract new (...a: never[]) => Error)[]): void {
  try {
    fn()
  } catch (e) {
    if (!allowed.some((c) => e instanceof c)) throw e
  }
}

describe('JSONPath', () => {
  it('parses any text or fails with a JsonPathParseError', () => {
    fc.assert(fc.property(fc.oneof(pieces(JSONPATH_PIECES), anyText), (t) => only(() => parseJsonPath(t), JsonPathParseError)), { numRuns: 3000 })
  })

  it('executes any template it parses or fails with a JsonPathExecError', () => {
    fc.assert(
      fc.property(pieces(JSONPATH_PIECES), fc.constantFrom(...objects), fc.boolean(), (t, obj, allowMissing) => {
        let root
        try {
          root = parseJsonPath(t)
        } catch {
          return
        }
        only(() => new JsonPath(root, allowMissing).findResults(obj), JsonPathExecError)
      }),
      { numRuns: 3000 },
    )
  })

  it('prints or fails with a kubectl error', () => {
    fc.assert(
      fc.property(pieces(JSONPATH_PIECES), fc.constantFrom(...objects), (t, obj) => only(() => new JsonPathPrinter(t, false).print(obj), KubectlError)),
      { numRuns: 2000 },
    )
  })
})

describe('Go templates', () => {
  it('parses any text or fails with a GoTemplateParseError', () => {
    fc.assert(fc.property(fc.oneof(pieces(TEMPLATE_PIECES), anyText), (t) => only(() => parseTemplate('output', t, FUNC_NAMES), GoTemplateParseError)), { numRuns: 3000 })
  })

  it('prints any template it parses or fails with a kubectl error', () => {
    fc.assert(
      fc.property(pieces(TEMPLATE_PIECES), fc.constantFrom(...objects), fc.boolean(), (t, obj, allowMissing) => {
        only(() => new GoTemplatePrinter(t, allowMissing).print(obj), KubectlError)
      }),
      { numRuns: 3000 },
    )
  })

  it('stops a template that calls itself forever with an error', () => {
    const printer = new GoTemplatePrinter('{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}', true)
    expect(() => printer.print(objects[0])).toThrow(/exceeded maximum template depth/)
  })
})

describe('custom-columns', () => {
  it('reads any spec or file, then prints, or fails with a kubectl error', () => {
    fc.assert(
      fc.property(fc.oneof(pieces([...JSONPATH_PIECES, 'NAME', ':', ',', ' ']), anyText), fc.constantFrom(...objects), (spec, obj) => {
        only(() => new CustomColumnsPrinter(columnsFromSpec(spec), false).print(obj), KubectlError)
        only(() => new CustomColumnsPrinter(columnsFromTemplate(spec), false).print(obj), KubectlError)
      }),
      { numRuns: 2000 },
    )
  })
})
