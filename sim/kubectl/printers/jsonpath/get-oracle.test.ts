// The whole path, `kubectl get ... -o jsonpath|custom-columns|go-template`, through the emulated
// kubectl over the same objects the real kubectl v1.33.1 was given (__oracle__/world.json): the List
// wrapping, --sort-by, --no-headers, --template and the *-file formats reading the shell's files.

import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { worldEnv } from '../../__fixtures__/env'
import { TEMPLATE_OUTPUT_FORMATS } from '../registry'
import world from './__oracle__/world.json'
import { caseTitle, kubectlArgs, ORACLE_CASES, ORACLE_KUBECTL, type OracleCase } from './oracle-cases'

async function run(c: OracleCase) {
  const env = worldEnv(world as { epoch: string; items: KubeObject[] }, { outputFormats: TEMPLATE_OUTPUT_FORMATS })
  for (const [name, text] of Object.entries(c.files ?? {})) env.fs.writeFile(`/root/${name}`, text)
  const r = await env.run(kubectlArgs(c))
  return { stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }
}

describe(`kubectl get with template printers prints what kubectl ${ORACLE_KUBECTL} prints`, () => {
  it.each(ORACLE_CASES.map((c) => [caseTitle(c), c] as const))('%s', async (_t, c) => {
    expect(await run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
  })
})
