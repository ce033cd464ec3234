// The 收款 form never changes an amount silently (issue 10.1) and keeps it after a decline so
// the customer can pay with another app (issue 10.4).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const payMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), pending: async () => [] },
}))

import PayForm from './PayForm.vue'
import { i18n, setLocale } from '../../locales'

let wrapper: VueWrapper
const input = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)
const enter = (id: string) => input(id).trigger('keydown', { key: 'Enter' })
const amountError = () => wrapper.find('[data-testid="pay-amount-error"]')

beforeEach(() => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset()
  wrapper = mount(PayForm, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
})
afterEach(() => wrapper.unmount())

describe('PayForm amount', () => {
  it.each([
    ['-1', '金额不能为负数'],
    ['1,5', '金额不能有逗号：小数点请用“.”，如 1.50'],
    ['12.345', '金额最多两位小数'],
    ['¥8', '金额格式不正确，请输入如 12.50 的数字'],
  ])('keeps %j as typed, says why at once and never pays it', async (typed, why) => {
    await input('pay-amount').setValue(typed)
    expect(input('pay-amount').element.value).toBe(typed)
    expect(amountError().text()).toBe(why)
    await input('pay-code').setValue('134567890123456700')
    await enter('pay-code')
    await flushPromises()
    expect(payMock).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(input('pay-amount').element)
    expect(amountError().text()).toBe(why)
  })

  it('turns full-width digits into the amount it charges, visibly', async () => {
    payMock.mockResolvedValue({ id: 1, status: 'success', amount: 1250 })
    await input('pay-amount').setValue('１２．５')
    expect(input('pay-amount').element.value).toBe('12.5')
    expect(wrapper.get('[data-testid="pay-amount-note"]').text()).toContain('12.5')
    expect(amountError().exists()).toBe(false)
    await input('pay-code').setValue('134567890123456700')
    await enter('pay-code')
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('12.5', '134567890123456700', 'manual')
  })

  it('explains the refusal in English too', async () => {
    setLocale('en')
    await input('pay-amount').setValue('1,5')
    expect(amountError().text()).toBe('No commas in an amount: use "." for decimals, like 1.50')
    setLocale('zh-CN')
  })
})

describe('PayForm after a decline', () => {
  it('keeps the amount, empties the code and puts the cursor there for another app', async () => {
    payMock.mockRejectedValue({ code: 'pay_failed', message: '余额不足' })
    await input('pay-amount').setValue('8.88')
    await input('pay-code').setValue('134567890123456792')
    await enter('pay-code')
    await flushPromises()
    expect(input('pay-amount').element.value).toBe('8.88')
    expect(input('pay-code').element.value).toBe('')
    expect(document.activeElement).toBe(input('pay-code').element)
  })
})
