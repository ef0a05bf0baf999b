// kubectl events: every case of __golden__/events/cases.txt, replayed against the worked example's
// world at its epoch, prints what the real kubectl v1.33.1 printed for the same objects (oracle.txt,
// made by capture.sh); and in a running cluster -w shows events as they happen.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import webWorld from '../__fixtures__/web-world.json'
import { normalize, readOracle, replayInWorld, type OracleWorld } from '../../testing/kubectl-oracle'
import { testShell } from '../mutate/test-shell'

const DIR = join(__dirname, '__golden__', 'events')

describe('kubectl events answers as kubectl v1.33.1 does', () => {
  it.each(readOracle(DIR).map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const got = await replayInWorld(webWorld as unknown as OracleWorld, c.line)
    expect({ stdout: normalize(got.stdout), stderr: normalize(got.stderr), exit: got.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
  })
})

describe('kubectl events -w in a running cluster', () => {
  it("prints the events there are, then each new one as it is recorded, the header once", async () => {
    const t = testShell()
    await t.sh('kubectl run box --image=busybox:1.36 -- sleep 3600')
    const r = await t.sh('kubectl events -w --for pod/box --request-timeout=20s')
    const lines = r.stdout.split('\n').filter(Boolean)
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect(lines.filter((l) => l.startsWith('LAST SEEN'))).toHaveLength(1)
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[2])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    expect(r.exitCode).toBe(0)
  })
})
