import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Handover } from '../api/handover'

const api = { quitAsk: vi.fn(), close: vi.fn(), setSkipPrompt: vi.fn() }
const quit = vi.fn()
vi.mock('../api/handover', () => ({
  handoverApi: {
    quitAsk: () => api.quitAsk(),
    close: () => api.close(),
    setSkipPrompt: (v: boolean) => api.setSkipPrompt(v),
  },
}))
vi.mock('../api/window', () => ({ windowApi: { quit: () => quit() } }))
vi.mock('element-plus', () => ({ ElMessage: Object.assign(vi.fn(), { warning: vi.fn() }) }))

import { useHandoverStore } from './handover'
import { AppError } from '../api/errors'

const shift: Handover = {
  no: '',
  seq: 1,
  termNo: 'T1',
  cashier: '01',
  storeName: '一店',
  from: '2026-12-04T01:00:00Z',
  to: '2026-12-04T09:00:00Z',
  sums: {
    payCount: 2,
    payAmount: 1000,
    cancelCount: 0,
    cancelAmount: 0,
    refundCount: 0,
    refundAmount: 0,
    failedCount: 0,
    netAmount: 1000,
    byChannel: [],
    open: [],
    late: [],
  },
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.setSkipPrompt.mockResolvedValue(undefined)
  quit.mockResolvedValue(undefined)
})

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('交班后退出? prompt', () => {
  it('is not asked when Go says no or cannot say, so leaving never waits on it', async () => {
    const s = useHandoverStore()
    api.quitAsk.mockResolvedValueOnce({ ask: false })
    expect(await s.ask('logout')).toBe('none')
    api.quitAsk.mockRejectedValueOnce(new AppError('unavailable', 'down'))
    expect(await s.ask('quit')).toBe('none')
    expect(s.prompt).toBeNull()
  })

  it('交班并退出 hands over first; 不再提示 is saved with the answer', async () => {
    const s = useHandoverStore()
    api.quitAsk.mockResolvedValue({ ask: true, preview: shift })
    api.close.mockResolvedValue({ handover: { ...shift, no: 'H1' }, printed: true })
    const answer = s.ask('logout')
    await settle()
    expect(s.prompt?.reason).toBe('logout')
    s.dontAsk = true
    await s.answer('handover')
    expect(await answer).toBe('handover')
    expect(api.close).toHaveBeenCalledTimes(1)
    expect(api.setSkipPrompt).toHaveBeenCalledWith(true)
    expect(s.last?.handover.no).toBe('H1')
    expect(s.prompt).toBeNull()
  })

  it('a failed handover keeps the prompt open with its error; 直接退出 still leaves', async () => {
    const s = useHandoverStore()
    api.quitAsk.mockResolvedValue({ ask: true, preview: shift })
    api.close.mockRejectedValue(new AppError('unavailable', '平台不可用'))
    const answer = s.ask('quit')
    await settle()
    await s.answer('handover')
    expect(s.prompt).not.toBeNull()
    expect(s.error).not.toBe('')
    await s.answer('skip')
    expect(await answer).toBe('skip')
    expect(api.setSkipPrompt).not.toHaveBeenCalled()
  })

  it('退出 quits unless 取消 is chosen; 取消 never saves 不再提示', async () => {
    const s = useHandoverStore()
    api.quitAsk.mockResolvedValue({ ask: true, preview: shift })
    const staying = s.quit()
    await settle()
    s.dontAsk = true
    await s.answer('cancel')
    await staying
    expect(quit).not.toHaveBeenCalled()
    expect(api.setSkipPrompt).not.toHaveBeenCalled()
    const leaving = s.quit()
    await settle()
    await s.answer('skip')
    await leaving
    expect(quit).toHaveBeenCalledTimes(1)
  })

  it('while a payment is in flight 退出 goes straight to Go, which refuses it', async () => {
    const s = useHandoverStore()
    await s.quit(true)
    expect(api.quitAsk).not.toHaveBeenCalled()
    expect(quit).toHaveBeenCalledTimes(1)
  })
})
