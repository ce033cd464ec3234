import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const payMock = vi.fn()
const cancelMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), cancel: () => cancelMock(), pending: async () => [] },
}))
const setMode = vi.fn(async (_m: string) => undefined)
vi.mock('../../api/window', () => ({ windowApi: { setMode: (m: string) => setMode(m) } }))

import QuickPayView from './QuickPayView.vue'
import { i18n, setLocale } from '../../locales'
import { useWindowStore } from '../../stores/window'

const okTrade = {
  id: 3,
  reqsn: 'XTF3',
  kind: 'pay',
  status: 'success',
  amount: 12332,
  channel: 'wechat',
} as Trade
let wrapper: VueWrapper
const input = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)
const key = (k: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))

beforeEach(() => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset()
  cancelMock.mockReset()
  setMode.mockClear()
  handlers.clear()
  // Opened from the floating bubble by a box scan.
  useWindowStore().apply({ mode: 'floating' })
  useWindowStore().apply({ mode: 'quickpay', reason: 'box', code: '134567890123456700' })
  wrapper = mount(QuickPayView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
})
afterEach(() => {
  wrapper.unmount()
  vi.useRealTimers()
})

describe('quick-pay dialog', () => {
  it('fills the code from window:mode and the amount from amount:detected; Enter pays with source ocr', async () => {
    await flushPromises()
    expect(input('quickpay-code').element.value).toBe('134567890123456700')
    expect(document.activeElement).toBe(input('quickpay-amount').element)
    handlers.get('amount:detected')!({ amount: 12332, source: 'ocr' })
    await flushPromises()
    expect(input('quickpay-amount').element.value).toBe('123.32')
    payMock.mockResolvedValue(okTrade)
    key('Enter')
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('123.32', '134567890123456700', 'ocr')
    expect(wrapper.get('[data-testid="quickpay-result"]').attributes('data-status')).toBe('success')
  })

  it('shows the result for 3 s, then returns to the bubble it came from', async () => {
    vi.useFakeTimers()
    await flushPromises()
    await input('quickpay-amount').setValue('8')
    payMock.mockResolvedValue({ ...okTrade, amount: 800 })
    key('Enter')
    await flushPromises()
    expect(wrapper.find('[data-testid="quickpay-countdown"]').text()).toContain('3')
    vi.advanceTimersByTime(2000)
    expect(setMode).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    await flushPromises()
    expect(setMode).toHaveBeenCalledWith('floating')
    expect(payMock).toHaveBeenCalledWith('8', '134567890123456700', 'box')
  })

  it('Esc returns at once without paying', async () => {
    await flushPromises()
    key('Escape')
    await flushPromises()
    expect(setMode).toHaveBeenCalledWith('floating')
    expect(payMock).not.toHaveBeenCalled()
  })

  it('Enter with no amount hints and stays; a box code with a typed amount waits for Enter', async () => {
    await flushPromises()
    key('Enter')
    await flushPromises()
    expect(payMock).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="quickpay-hint"]').text()).toBe('请输入金额')
    await input('quickpay-amount').setValue('2.5')
    handlers.get('box:scan')!({ code: '281234567890123400' })
    await flushPromises()
    expect(payMock).not.toHaveBeenCalled()
    expect(input('quickpay-code').element.value).toBe('281234567890123400')
  })

  it('offers 撤销本笔 while paying: it asks Go to close the payment and shows 已撤销本笔 once the bank closed it', async () => {
    await flushPromises()
    await input('quickpay-amount').setValue('6')
    let finish!: (t: Trade) => void
    payMock.mockReturnValue(new Promise<Trade>((r) => (finish = r)))
    cancelMock.mockResolvedValue(undefined)
    key('Enter')
    await flushPromises()
    const stop = wrapper.get('[data-testid="quickpay-cancel"]')
    expect(stop.text()).toBe('撤销本笔')
    await stop.trigger('click')
    await flushPromises()
    expect(cancelMock).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="quickpay-cancel"]').text()).toBe('正在撤销…')
    expect(wrapper.get('[data-testid="quickpay-cancel"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="quickpay-result-status"]').text()).toBe('正在撤销…')
    await wrapper.get('[data-testid="quickpay-cancel"]').trigger('click')
    expect(cancelMock).toHaveBeenCalledTimes(1)
    finish({ ...okTrade, amount: 600, status: 'closed', errmsg: '订单已关闭' })
    await flushPromises()
    expect(wrapper.find('[data-testid="quickpay-cancel"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="quickpay-result-status"]').text()).toBe('已撤销本笔')
    expect(wrapper.get('[data-testid="quickpay-result-reason"]').text()).toBe('通联已关单，未扣款')
  })

  it('ignores Enter and Esc while paying', async () => {
    await flushPromises()
    await input('quickpay-amount').setValue('1')
    payMock.mockReturnValue(new Promise(() => {}))
    key('Enter')
    await flushPromises()
    key('Enter')
    key('Escape')
    await flushPromises()
    expect(payMock).toHaveBeenCalledTimes(1)
    expect(setMode).not.toHaveBeenCalled()
  })

  it('after a decline goes back to the form with the amount kept and the cursor in the code', async () => {
    await flushPromises()
    await input('quickpay-amount').setValue('8.88')
    payMock.mockRejectedValue({ code: 'pay_failed', message: '余额不足' })
    key('Enter')
    await flushPromises()
    expect(wrapper.get('[data-testid="quickpay-result-reason"]').text()).toBe('余额不足')
    key('Enter')
    await flushPromises()
    expect(setMode).not.toHaveBeenCalled()
    expect(input('quickpay-amount').element.value).toBe('8.88')
    expect(input('quickpay-code').element.value).toBe('')
    expect(document.activeElement).toBe(input('quickpay-code').element)
  })
})
