// Our template printers against the bytes the real kubectl v1.33.1 printed for the same objects
// (__oracle__/cases.json, recorded by __oracle__/capture.mjs; see cases.mjs for the templates).
// The object each printer receives is the one `kubectl get ... -o json` printed for the query.

import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { formatError } from '../../errors'
import { selectOutput } from '../registry'
import data from './__oracle__/cases.json'
import { TEMPLATE_OUTPUT_FORMATS } from './formats'
import { PartialOutputError } from './partial-output'

interface Case {
  query: string[]
  output?: string
  template?: string
  flags?: string[]
  files?: Record<string, string>
  stdout: string
  stderr: string
  exit: number
}

/** What our kubectl would print for a case: stdout, stderr and exit code. */
export function runCase(c: Case, inputs: Record<string, string>): { stdout: string; stderr: string; exit: number } {
  const flags = c.flags ?? []
  const input = JSON.parse(inputs[c.query.join(' ')]) as KubeObject
  try {
    const mode = selectOutput(
      {
        output: c.output ?? '',
        template: c.template ?? '',
        allowMissingTemplateKeys: !flags.includes('--allow-missing-template-keys=false'),
        noHeaders: flags.includes('--no-headers'),
        readFile: (p) => {
          const text = c.files?.[p]
          if (text === undefined) throw new Error(`${p}: No such file or directory`)
          return text
        },
      },
      TEMPLATE_OUTPUT_FORMATS,
    )
    if (mode.type !== 'generic') throw new Error('not a template printer')
    return { stdout: mode.printer.print(input), stderr: '', exit: 0 }
  } catch (e) {
    const { text, exitCode } = formatError(e)
    return { stdout: e instanceof PartialOutputError ? e.output : '', stderr: text, exit: exitCode }
  }
}

const cases = (data.cases as Case[]).filter((c) => !(c.flags ?? []).some((f) => f.startsWith('--sort-by')))

function familyOf(c: Case): string {
  const o = c.output ?? ''
  if (o.startsWith('jsonpath')) return 'jsonpath'
  if (o.startsWith('custom-columns')) return 'custom-columns'
  return 'go-template'
}

function title(c: Case): string {
  return `${c.output ?? ''}${c.template !== undefined ? ` --template ${c.template}` : ''}${c.flags ? ' ' + c.flags.join(' ') : ''} [${c.query.join(' ')}]`
}

for (const family of ['jsonpath', 'custom-columns', 'go-template']) {
  describe(`kubectl get -o ${family} prints what kubectl ${data.kubectl} prints`, () => {
    const mine = cases.filter((c) => familyOf(c) === family)
    it.each(mine.map((c) => [title(c), c] as const))('%s', (_t, c) => {
      expect(runCase(c, data.inputs)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
    })
  })
}
