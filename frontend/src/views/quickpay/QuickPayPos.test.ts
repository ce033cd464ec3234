import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const payMock = vi.fn()
const payOrderMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: {
    pay: (...a: unknown[]) => payMock(...a),
    payOrder: (...a: unknown[]) => payOrderMock(...a),
    pending: async () => [],
  },
}))
vi.mock('../../api/window', () => ({ windowApi: { setMode: async () => undefined } }))

import QuickPayView from './QuickPayView.vue'
import { i18n, setLocale } from '../../locales'
import { useWindowStore } from '../../stores/window'
import { detectedOrigin } from '../../composables/usePayEntry'

const paid = { id: 9, reqsn: 'XTF9', kind: 'pay', status: 'success', amount: 880, channel: 'wechat' } as Trade
const code = '134567890123456700'
let wrapper: VueWrapper
const input = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)
const enter = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))

beforeEach(async () => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset().mockResolvedValue(paid)
  payOrderMock.mockReset().mockResolvedValue(paid)
  // The cashier software asked for 8.80 under its order A-1001 over the POS API.
  useWindowStore().apply({ mode: 'quickpay', reason: 'pos', amount: 880, source: 'pos', order: 'A-1001' })
  wrapper = mount(QuickPayView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
})
afterEach(() => wrapper.unmount())

describe('quick pay for an order of the cashier software', () => {
  it('says where the amount came from, in both languages', async () => {
    expect(input('quickpay-amount').element.value).toBe('8.80')
    expect(wrapper.get('[data-testid="quickpay-source"]').text()).toBe('来自收银软件 订单 A-1001')
    setLocale('en')
    await flushPromises()
    expect(wrapper.get('[data-testid="quickpay-source"]').text()).toBe('From cashier software · order A-1001')
    setLocale('zh-CN')
  })

  it('pays the order by its number, never as a new payment', async () => {
    await input('quickpay-code').setValue(code)
    enter()
    await flushPromises()
    expect(payOrderMock).toHaveBeenCalledWith('A-1001', code)
    expect(payMock).not.toHaveBeenCalled()
  })

  it('an amount the cashier retypes is a payment of its own, not the order', async () => {
    await input('quickpay-amount').setValue('9.00')
    await input('quickpay-code').setValue(code)
    enter()
    await flushPromises()
    expect(payOrderMock).not.toHaveBeenCalled()
    expect(payMock).toHaveBeenCalledWith('9.00', code, 'manual')
    expect(wrapper.find('[data-testid="quickpay-source"]').exists()).toBe(false)
  })

  it('takes a pos amount as the order only with its number', () => {
    expect(detectedOrigin({ amount: 1, source: 'pos', order: 'X' })).toBe('pos')
    expect(detectedOrigin({ amount: 1, source: 'pos' })).toBe('manual')
    expect(detectedOrigin({ amount: 1, source: 'pole' })).toBe('pole')
    expect(detectedOrigin({ amount: 1, source: 'weird' })).toBe('ocr')
  })
})
