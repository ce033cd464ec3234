import { describe, expect, it } from 'vitest'
import { captureKey, hotkeyProblem, type KeyLike } from './hotkey'

const key = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
})

describe('hotkey capture', () => {
  it('writes combos the way Go does: Ctrl, Alt, Shift, Win, then the key', () => {
    expect(captureKey(key('p', 'KeyP', { ctrlKey: true, altKey: true }))).toEqual({
      kind: 'combo',
      keys: 'Ctrl+Alt+P',
    })
    expect(captureKey(key('K', 'KeyK', { shiftKey: true, ctrlKey: true }))).toEqual({
      kind: 'combo',
      keys: 'Ctrl+Shift+K',
    })
    expect(captureKey(key('F8', 'F8'))).toEqual({ kind: 'combo', keys: 'F8' })
    expect(captureKey(key('F12', 'F12', { altKey: true }))).toEqual({ kind: 'combo', keys: 'Alt+F12' })
  })

  it('uses the physical key so Shift and Alt do not change it', () => {
    expect(captureKey(key('!', 'Digit1', { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: 'combo',
      keys: 'Ctrl+Shift+1',
    })
    expect(captureKey(key('π', 'KeyP', { altKey: true }))).toEqual({ kind: 'combo', keys: 'Alt+P' })
    expect(captureKey(key('3', 'Numpad3', { ctrlKey: true }))).toEqual({ kind: 'combo', keys: 'Ctrl+3' })
  })

  it('shows held modifiers as partial and refuses other keys', () => {
    expect(captureKey(key('Control', 'ControlLeft', { ctrlKey: true }))).toEqual({
      kind: 'partial',
      keys: 'Ctrl',
    })
    expect(captureKey(key('Alt', 'AltLeft', { ctrlKey: true, altKey: true }))).toEqual({
      kind: 'partial',
      keys: 'Ctrl+Alt',
    })
    expect(captureKey(key(' ', 'Space', { ctrlKey: true })).kind).toBe('unsupported')
    expect(captureKey(key('ArrowUp', 'ArrowUp', { altKey: true })).kind).toBe('unsupported')
  })

  it('hints at the combos Go refuses', () => {
    expect(hotkeyProblem('Ctrl+Alt+P')).toBe('')
    expect(hotkeyProblem('F8')).toBe('')
    expect(hotkeyProblem('Shift+A')).toBe('needModifier')
    expect(hotkeyProblem('P')).toBe('needModifier')
    expect(hotkeyProblem('Ctrl+Win+P')).toBe('win')
    expect(hotkeyProblem('Alt+F4')).toBe('altF4')
    expect(hotkeyProblem('Ctrl+C')).toBe('editing')
    expect(hotkeyProblem('Ctrl+Shift+C')).toBe('')
    expect(hotkeyProblem('Ctrl+Alt')).toBe('needKey')
  })
})
