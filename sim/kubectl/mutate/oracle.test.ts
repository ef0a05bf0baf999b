// Every case of __oracle__/cases.txt, replayed in the simulator's shell against the same world the real
// kubectl v1.33.1 saw (sim/kubectl/__fixtures__/web-world.json, the fakeapi objects), must print what
// the real binary printed (__oracle__/oracle.txt, made by capture.sh) byte for byte, with the same exit
// status. Only klog's timestamp/pid header and edit's random temp-file name are normalized.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import webWorld from '../__fixtures__/web-world.json'
import { normalize, readOracle, replayInWorld, type OracleWorld } from '../../testing/kubectl-oracle'

const DIR = join(__dirname, '__oracle__')
const cases = readOracle(DIR)

describe('kubectl mutating verbs answer as kubectl v1.33.1 does', () => {
  it.each(cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const got = await replayInWorld(webWorld as unknown as OracleWorld, c.line, join(DIR, 'files'))
    expect({ stdout: normalize(got.stdout), stderr: normalize(got.stderr), exit: got.exit }).toEqual({
      stdout: normalize(c.stdout),
      stderr: normalize(c.stderr),
      exit: c.exit,
    })
  })
})
