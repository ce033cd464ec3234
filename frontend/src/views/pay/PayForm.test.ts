import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const payMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), pending: async () => [] },
}))

import PayForm from './PayForm.vue'
import { i18n, setLocale } from '../../locales'
import { usePayStore } from '../../stores/pay'

const okTrade = {
  id: 1,
  reqsn: 'XTF1',
  kind: 'pay',
  status: 'success',
  amount: 1230,
  channel: 'wechat',
} as Trade

let wrapper: VueWrapper
const input = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)
const enter = (id: string) => input(id).trigger('keydown', { key: 'Enter' })
// typingClock fakes only Date, which stamps the key events (jsdom's Event.timeStamp): the
// keys of a scan are then 0 ms apart and a pause is exactly what the test advances, however
// slow the machine running the test is.
const typingClock = () => vi.useFakeTimers({ toFake: ['Date'] })

beforeEach(() => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset()
  wrapper = mount(PayForm, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
})
afterEach(() => {
  wrapper.unmount()
  vi.useRealTimers()
})

describe('PayForm keyboard flow', () => {
  it('starts in the amount field; Enter there moves to the code without paying', async () => {
    await flushPromises()
    expect(document.activeElement).toBe(input('pay-amount').element)
    await input('pay-amount').setValue('12.3')
    await enter('pay-amount')
    await flushPromises()
    expect(document.activeElement).toBe(input('pay-code').element)
    expect(payMock).not.toHaveBeenCalled()
  })

  it('hints at a bad amount on Enter and stays there', async () => {
    await input('pay-amount').setValue('0')
    await enter('pay-amount')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-amount-error"]').text()).toBe('金额必须大于 0')
    expect(document.activeElement).toBe(input('pay-amount').element)
  })

  it('Enter in the code field submits, then clears and refocuses the amount', async () => {
    payMock.mockResolvedValue(okTrade)
    await input('pay-amount').setValue('12.3')
    await input('pay-code').setValue('134567890123456700')
    await enter('pay-code')
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('12.3', '134567890123456700', 'manual')
    expect(input('pay-amount').element.value).toBe('')
    expect(input('pay-code').element.value).toBe('')
    expect(document.activeElement).toBe(input('pay-amount').element)
  })

  it('disables everything while paying and ignores further Enter and clicks', async () => {
    let finish!: (t: Trade) => void
    payMock.mockReturnValue(new Promise<Trade>((r) => (finish = r)))
    await input('pay-amount').setValue('5')
    await input('pay-code').setValue('134567890123456790')
    await enter('pay-code')
    await flushPromises()
    expect(usePayStore().busy).toBe(true)
    expect(input('pay-amount').element.disabled).toBe(true)
    expect(input('pay-code').element.disabled).toBe(true)
    const button = wrapper.get<HTMLButtonElement>('[data-testid="pay-submit"]')
    expect(button.element.disabled).toBe(true)
    await enter('pay-code')
    await button.trigger('click')
    await (wrapper.vm as unknown as { submit: () => Promise<void> }).submit()
    expect(payMock).toHaveBeenCalledTimes(1)
    finish(okTrade)
    await flushPromises()
    expect(input('pay-amount').element.disabled).toBe(false)
  })

  it("shows Go's error under the code field and keeps the amount", async () => {
    payMock.mockRejectedValue({ code: 'paycode_invalid', message: '无效的付款码，请让顾客刷新后重新出示' })
    await input('pay-amount').setValue('8')
    await input('pay-code').setValue('999999999999999999')
    await enter('pay-code')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-code-error"]').text()).toBe('无效的付款码，请让顾客刷新后重新出示')
    expect(input('pay-amount').element.value).toBe('8')
    expect(document.activeElement).toBe(input('pay-code').element)
  })

  it('asks for the code when Enter comes with an empty code', async () => {
    await input('pay-amount').setValue('8')
    await enter('pay-code')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-code-error"]').text()).toBe('请扫描或输入付款码')
    expect(payMock).not.toHaveBeenCalled()
  })
  it('takes a code scanned into the amount field as the code and pays', async () => {
    payMock.mockResolvedValue(okTrade)
    const amount = input('pay-amount')
    await amount.setValue('12.3')
    typingClock()
    vi.advanceTimersByTime(60) // the cashier's typing and the scan are apart
    const code = '134567890123456700'
    for (const ch of code) await amount.trigger('keydown', { key: ch })
    await amount.setValue('12.3' + code)
    await enter('pay-amount')
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('12.3', code, 'manual')
  })

  it('does not mistake slow typing in the amount field for a scan', async () => {
    const amount = input('pay-amount')
    typingClock()
    await amount.trigger('keydown', { key: '1' })
    vi.advanceTimersByTime(60)
    await amount.trigger('keydown', { key: '2' })
    await amount.setValue('12')
    await enter('pay-amount')
    await flushPromises()
    expect(payMock).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(input('pay-code').element)
  })
})
