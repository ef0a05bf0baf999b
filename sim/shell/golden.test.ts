// The shell against real bash: each case in __golden__/cases.json was run in GNU bash 5.2 (interactive,
// with coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4) by __golden__/generate.py, which recorded what
// it printed and its final status in __golden__/expected.json. Our shell must print the same.

import { describe, expect, it } from 'vitest'
import cases from './__golden__/cases.json'
import expected from './__golden__/expected.json'
import { runScript } from './test-shell'

const want = expected.cases as Record<string, { output: string; status: number }>

describe('the shell prints what GNU bash prints', () => {
  it.each(cases.map((c) => [c.name, c.script] as const))('%s', async (name, script) => {
    const r = await runScript(script)
    expect({ output: r.output, status: r.status }).toEqual(want[name])
  })
})
