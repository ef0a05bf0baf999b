import { describe, expect, it } from 'vitest'
import { webTerminal } from './attach/test-terminal'

describe('kubectl exec', () => {
  it('runs hostname in the pod', async () => {
    const t = await webTerminal()
    expect(await t.run('kubectl exec web-0 -- hostname')).toEqual({ stdout: 'web-0\n', stderr: '' })
  })
})
