// kubectl expose: every case of __golden__/expose/cases.txt, replayed against the objects the real
// kubectl v1.33.1 saw (__golden__/expose/world.json), prints what it printed (oracle.txt, made by
// mutate/__oracle__/capture.sh); and in a running cluster the Service it makes gets endpoints.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalize, readOracle, replayInWorld, type OracleWorld } from '../../testing/kubectl-oracle'
import { testShell } from '../mutate/test-shell'
import world from './__golden__/expose/world.json'

const DIR = join(__dirname, '__golden__', 'expose')

describe('kubectl expose answers as kubectl v1.33.1 does', () => {
  it.each(readOracle(DIR).map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const got = await replayInWorld(world as unknown as OracleWorld, c.line)
    expect({ stdout: normalize(got.stdout), stderr: normalize(got.stderr), exit: got.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
  })
})

describe('kubectl expose in a running cluster', () => {
  it('creates the Service, says exposed, and the Service gets the pods as endpoints', async () => {
    const t = testShell()
    await t.sh('kubectl create deployment hello --image=nginx --port=80 --replicas=2')
    t.sim.settle()
    const r = await t.sh('kubectl expose deployment hello')
    expect(r).toEqual({ stdout: 'service/hello exposed\n', stderr: '', exitCode: 0 })
    t.sim.settle()
    const svc = t.sim.api.get('Service', 'default', 'hello')
    expect(svc?.spec?.selector).toEqual({ app: 'hello' })
    expect(svc?.spec?.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }])
    const eps = t.sim.api.get('Endpoints', 'default', 'hello') as { subsets?: { addresses?: unknown[] }[] } | undefined
    expect(eps?.subsets?.[0]?.addresses).toHaveLength(2)
  })

  it('refuses a name that is taken, as the API server does', async () => {
    const t = testShell()
    await t.sh('kubectl create deployment hello --image=nginx --port=80')
    await t.sh('kubectl expose deployment hello')
    const r = await t.sh('kubectl expose deployment hello')
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): services "hello" already exists\n', exitCode: 1 })
  })
})
