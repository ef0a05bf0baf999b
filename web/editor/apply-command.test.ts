// The Apply button's line: what a student would type for the same file.

import { describe, expect, it } from 'vitest'
import { applyCommand, applyCwd, sessionCwd } from './apply-command'

describe('applyCommand', () => {
  it('names a file in the shell\'s directory by its name', () => {
    expect(applyCommand('/root/web.yaml', '/root')).toBe('kubectl apply -f web.yaml')
  })

  it('names a file below the shell\'s directory by its relative path', () => {
    expect(applyCommand('/root/lab/web.yaml', '/root')).toBe('kubectl apply -f lab/web.yaml')
  })

  it('uses the absolute path for a file elsewhere or when the directory is unknown', () => {
    expect([applyCommand('/root/web.yaml', '/tmp'), applyCommand('/root/web.yaml', undefined)]).toEqual(['kubectl apply -f /root/web.yaml', 'kubectl apply -f /root/web.yaml'])
  })

  it('quotes a name with spaces or quotes for bash', () => {
    expect(applyCommand("/root/it's web.yaml", '/root')).toBe("kubectl apply -f 'it'\\''s web.yaml'")
  })
})

describe('sessionCwd', () => {
  it('reads the host shell\'s working directory', () => {
    expect(sessionCwd({ state: { cwd: '/root/lab' } })).toBe('/root/lab')
  })

  it('is unknown for a session that does not tell', () => {
    expect(sessionCwd({ prompt: () => '$ ' })).toBeUndefined()
  })
})

describe('applyCwd', () => {
  const tab = (id: string, cwd: string, busy = false) => ({ id, busy: () => busy, current: () => ({ state: { cwd } }) })

  it('is the active tab\'s directory when it is idle', () => {
    expect(applyCwd([tab('1', '/root'), tab('2', '/tmp')], '2', '/root')).toBe('/tmp')
  })

  it('is an idle tab\'s directory when the active one is busy', () => {
    expect(applyCwd([tab('1', '/opt'), tab('2', '/tmp', true)], '2', '/root')).toBe('/opt')
  })

  it('is home when every tab is busy (a new tab opens)', () => {
    expect(applyCwd([tab('1', '/opt', true)], '1', '/root')).toBe('/root')
  })
})
