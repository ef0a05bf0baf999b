// `kubectl rollout` against the worked-example worlds (§10, §11.11 after set image, after undo),
// compared byte for byte with the real kubectl v1.33.1 (verbs/__golden__/rollout).
import { describe, expect, it } from 'vitest'
import { envFor, goldenCases, goldenStdout } from '../golden-cases'

describe('kubectl rollout goldens', () => {
  it.each(goldenCases('rollout'))('$name: kubectl $args', async (c) => {
    const r = await envFor(c).run(c.args)
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({ stdout: goldenStdout('rollout', c), stderr: c.stderr, exit: c.exit })
  })
})
