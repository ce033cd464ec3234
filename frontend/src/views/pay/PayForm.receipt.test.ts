import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const payMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), pending: async () => [] },
}))

import PayForm from './PayForm.vue'
import { i18n, setLocale } from '../../locales'

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  handlers.clear()
  payMock.mockReset()
})

describe('收款: a receipt QR is not a payment code', () => {
  it('shows what Go says under the code field', async () => {
    const orderNo = '202611251753280000000105'
    payMock.mockRejectedValue({ code: 'paycode_is_order', message: '', field: 'authCode' })
    const wrapper = mount(PayForm, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await wrapper.get('[data-testid="pay-amount"]').setValue('3')
    handlers.get('box:scan')!({ code: orderNo, codeMasked: orderNo, orderNo })
    await flushPromises()
    expect(payMock).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="pay-code-error"]').text()).toBe(
      '这是小票上的订单号，不是付款码，请扫描顾客的付款码',
    )
    setLocale('en')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-code-error"]').text()).toContain("receipt's order number")
    wrapper.unmount()
  })
})
