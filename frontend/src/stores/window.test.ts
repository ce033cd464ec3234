import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/runtime', () => ({ onEvent: () => () => {} }))
const setMode = vi.fn(async (_m: string) => undefined)
vi.mock('../api/window', () => ({ windowApi: { setMode: (m: string) => setMode(m) } }))

import { modeAllowed, routeOfMode, useWindowStore } from './window'

beforeEach(() => {
  setActivePinia(createPinia())
  setMode.mockClear()
})

describe('window modes', () => {
  it('gives each small mode its route and the main window none', () => {
    expect(routeOfMode('quickpay')).toBe('/quickpay')
    expect(routeOfMode('floating')).toBe('/floating')
    expect(routeOfMode('main')).toBeNull()
  })

  it('follows Go into the bubble even when logged out, into quick pay only with a cashier', () => {
    expect(modeAllowed('floating', false)).toBe(true)
    expect(modeAllowed('main', false)).toBe(true)
    expect(modeAllowed('quickpay', false)).toBe(false)
    expect(modeAllowed('quickpay', true)).toBe(true)
  })

  it('returns from quick pay to the bubble or the main window it was opened from', async () => {
    const w = useWindowStore()
    w.apply({ mode: 'floating' })
    w.apply({ mode: 'quickpay', reason: 'box', code: '1' })
    // A second scan while open keeps the original way back.
    w.apply({ mode: 'quickpay', reason: 'box', code: '2' })
    await w.leaveQuickPay()
    expect(setMode).toHaveBeenLastCalledWith('floating')
    expect(w.mode).toBe('floating')
    w.apply({ mode: 'main' })
    w.apply({ mode: 'quickpay', reason: 'hotkey' })
    await w.leaveQuickPay()
    expect(setMode).toHaveBeenLastCalledWith('main')
  })

  it('still shows the mode when Go refuses the switch', async () => {
    const w = useWindowStore()
    setMode.mockRejectedValueOnce({ code: 'unavailable', message: 'x' })
    await expect(w.setMode('floating')).rejects.toBeTruthy()
    expect(w.mode).toBe('floating')
  })
})
