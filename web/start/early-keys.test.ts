import { describe, expect, it } from 'vitest'
import { isLayoutKey } from './early-keys'

const key = (code: string, mods: { altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ altKey: false, ctrlKey: false, metaKey: false, code, ...mods })

describe('keys held for the layout until it arrives', () => {
  it.each(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'KeyS'])('holds Alt+%s', (code) => {
    expect(isLayoutKey(key(code, { altKey: true }))).toBe(true)
  })

  it('leaves keys without Alt, or with Ctrl or Meta too, to the terminal', () => {
    expect(isLayoutKey(key('Digit1'))).toBe(false)
    expect(isLayoutKey(key('Digit1', { altKey: true, ctrlKey: true }))).toBe(false)
    expect(isLayoutKey(key('KeyS', { altKey: true, metaKey: true }))).toBe(false)
  })

  it('leaves other Alt keys to the terminal (Alt+B, Alt+5)', () => {
    expect(isLayoutKey(key('KeyB', { altKey: true }))).toBe(false)
    expect(isLayoutKey(key('Digit5', { altKey: true }))).toBe(false)
  })
})
