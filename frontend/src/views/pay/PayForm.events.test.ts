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
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), pending: async () => [] },
}))

import PayForm from './PayForm.vue'
import { i18n, setLocale } from '../../locales'

const okTrade = {
  id: 1,
  reqsn: 'XTF1',
  kind: 'pay',
  status: 'success',
  amount: 4550,
  channel: 'wechat',
} as Trade
let wrapper: VueWrapper
const input = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)

beforeEach(() => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset()
  handlers.clear()
  wrapper = mount(PayForm, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
})
afterEach(() => wrapper.unmount())

describe('收款 form and Go events', () => {
  it('a detected amount fills the field; a box scan then pays with the detection as source', async () => {
    payMock.mockResolvedValue(okTrade)
    handlers.get('amount:detected')!({ amount: 4550, source: 'textbox' })
    await flushPromises()
    expect(input('pay-amount').element.value).toBe('45.50')
    handlers.get('box:scan')!({ code: '134567890123456700', codeMasked: '****6700' })
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('45.50', '134567890123456700', 'textbox')
  })

  it('a 客显 total fills the field and pays with source pole', async () => {
    payMock.mockResolvedValue(okTrade)
    handlers.get('amount:detected')!({ amount: 1250, source: 'pole' })
    await flushPromises()
    expect(input('pay-amount').element.value).toBe('12.50')
    handlers.get('box:scan')!({ code: '134567890123456700', codeMasked: '****6700' })
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('12.50', '134567890123456700', 'pole')
  })

  it('a box scan without an amount fills the code, hints and waits', async () => {
    handlers.get('box:scan')!({ code: '134567890123456700' })
    await flushPromises()
    expect(payMock).not.toHaveBeenCalled()
    expect(input('pay-code').element.value).toBe('134567890123456700')
    expect(wrapper.get('[data-testid="pay-amount-error"]').text()).toBe('请输入金额')
    expect(document.activeElement).toBe(input('pay-amount').element)
  })

  it('a typed amount with a box code is recorded as the box flow', async () => {
    payMock.mockResolvedValue(okTrade)
    await input('pay-amount').setValue('9.9')
    handlers.get('box:scan')!({ code: '281234567890123400' })
    await flushPromises()
    expect(payMock).toHaveBeenCalledWith('9.9', '281234567890123400', 'box')
  })

  it('a second scan while paying is ignored', async () => {
    payMock.mockReturnValue(new Promise(() => {}))
    await input('pay-amount').setValue('3')
    handlers.get('box:scan')!({ code: '134567890123456700' })
    handlers.get('box:scan')!({ code: '281234567890123400' })
    handlers.get('amount:detected')!({ amount: 99900, source: 'ocr' })
    await flushPromises()
    expect(payMock).toHaveBeenCalledTimes(1)
    expect(input('pay-amount').element.value).toBe('3')
  })
})
