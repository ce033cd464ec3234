// Hotkey capture for 快捷键配置 (manual §8.4): a key press becomes "Ctrl+Alt+P", the canonical
// form of backend/devices/hotkey (modifiers in the order Ctrl, Alt, Shift, Win; key A–Z, 0–9, F1–F12).

/** KeyLike is the part of a KeyboardEvent the capture needs. */
export interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
  metaKey: boolean
}

/** Capture is what one key press means: a finished combo, modifiers so far, or nothing usable. */
export type Capture =
  { kind: 'combo'; keys: string } | { kind: 'partial'; keys: string } | { kind: 'unsupported'; key: string }

const modifierKeys = new Set(['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph'])

function mods(e: KeyLike): string[] {
  const out: string[] = []
  if (e.ctrlKey) out.push('Ctrl')
  if (e.altKey) out.push('Alt')
  if (e.shiftKey) out.push('Shift')
  if (e.metaKey) out.push('Win')
  return out
}

/** mainKey names the pressed key the way Go writes it, from the physical key (so Shift+1 is "1"). */
export function mainKey(e: Pick<KeyLike, 'key' | 'code'>): string | null {
  let m = /^Key([A-Z])$/.exec(e.code)
  if (m) return m[1]
  m = /^(?:Digit|Numpad)([0-9])$/.exec(e.code)
  if (m) return m[1]
  m = /^F([1-9]|1[0-2])$/.exec(e.key)
  if (m) return `F${m[1]}`
  return null
}

/** captureKey reads one keydown of the capture field. */
export function captureKey(e: KeyLike): Capture {
  const held = mods(e)
  if (modifierKeys.has(e.key)) return { kind: 'partial', keys: held.join('+') }
  const key = mainKey(e)
  if (!key) return { kind: 'unsupported', key: e.key }
  return { kind: 'combo', keys: [...held, key].join('+') }
}

/**
 * hotkeyProblem is an early hint (an i18n key under settings.hotkey.problem) about a combo Go
 * will refuse; Go's registration stays the authority.
 */
export function hotkeyProblem(keys: string): string {
  const parts = keys.split('+')
  const key = parts[parts.length - 1]
  const has = (m: string) => parts.slice(0, -1).includes(m)
  if (!key || ['Ctrl', 'Alt', 'Shift', 'Win'].includes(key)) return 'needKey'
  if (has('Win')) return 'win'
  const plain = /^[A-Z0-9]$/.test(key)
  if (plain && !has('Ctrl') && !has('Alt')) return 'needModifier'
  if (key === 'F4' && parts.length === 2 && has('Alt')) return 'altF4'
  if (parts.length === 2 && has('Ctrl') && 'ACVXYZ'.includes(key) && /^[A-Z]$/.test(key)) return 'editing'
  return ''
}
