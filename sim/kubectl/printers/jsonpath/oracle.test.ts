// Our template printers against the bytes the real kubectl printed for the same objects
// (__oracle__/cases.json, recorded by __oracle__/capture.mjs; cases.mjs lists the templates).
// The object each printer receives is the one `kubectl get ... -o json` printed for the query.

import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { formatError } from '../../errors'
import { selectOutput } from '../registry'
import { TEMPLATE_OUTPUT_FORMATS } from './formats'
import { caseTitle, familyOf, ORACLE_CASES, ORACLE_INPUTS, ORACLE_KUBECTL, type OracleCase } from './oracle-cases'
import { PartialOutputError } from './partial-output'

/** What our printer gives for a case: stdout, stderr and exit code as kubectl would show them. */
function runPrinter(c: OracleCase): { stdout: string; stderr: string; exit: number } {
  const flags = c.flags ?? []
  const input = JSON.parse(ORACLE_INPUTS[c.query.join(' ')]) as KubeObject
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

// --sort-by is get's business (the printer sees the sorted list); get-oracle.test.ts replays it.
const cases = ORACLE_CASES.filter((c) => !(c.flags ?? []).some((f) => f.startsWith('--sort-by')))

for (const family of ['jsonpath', 'custom-columns', 'go-template'] as const) {
  describe(`-o ${family} prints what kubectl ${ORACLE_KUBECTL} prints`, () => {
    it.each(cases.filter((c) => familyOf(c) === family).map((c) => [caseTitle(c), c] as const))('%s', (_t, c) => {
      expect(runPrinter(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
    })
  })
}
