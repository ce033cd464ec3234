import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const api = { lookup: vi.fn(), cancel: vi.fn(), refund: vi.fn() }
vi.mock('../../api/trades', () => ({
  tradeApi: {
    lookup: (...a: unknown[]) => api.lookup(...a),
    cancel: (...a: unknown[]) => api.cancel(...a),
    refund: (...a: unknown[]) => api.refund(...a),
  },
}))

import ReverseView from './ReverseView.vue'
import { i18n, setLocale } from '../../locales'
import { typeBurst } from '../../utils/testScan'

const orderNo = '202611251753280000000105'
const paid = {
  id: 5,
  reqsn: orderNo,
  kind: 'pay',
  status: 'success',
  amount: 3000,
  refundedAmount: 0,
  channel: 'wechat',
  trxid: 'T5',
  createdAt: new Date().toISOString(),
  errmsg: '',
  origReqsn: '',
  updatedAt: '',
} as Trade
let wrapper: VueWrapper
const el = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)

async function open(kind: 'cancel' | 'refund'): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/reverse/:kind', name: 'reverse', component: ReverseView, props: true }],
  })
  await router.push(`/reverse/${kind}`)
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(ReverseView, {
    props: { kind },
    global: { plugins: [pinia, i18n, ElementPlus, router] },
    attachTo: document.body,
  })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  handlers.clear()
  Object.values(api).forEach((f) => f.mockReset())
  api.lookup.mockImplementation(async (no: string) => (no === orderNo ? paid : null))
})
afterEach(() => wrapper.unmount())

describe('撤销/退货: scanning a receipt', () => {
  it('a receipt QR from the box fills the order number and shows its trade', async () => {
    await open('cancel')
    handlers.get('box:scan')?.({ code: orderNo, codeMasked: orderNo, orderNo })
    await flushPromises()
    expect(el('reverse-tradeno').element.value).toBe(orderNo)
    expect(api.lookup).toHaveBeenLastCalledWith(orderNo)
    expect(el('reverse-orig').attributes('data-state')).toBe('found')
    expect(document.activeElement).toBe(el('reverse-password').element)
  })

  it('a keyboard scanner reading a receipt into the amount field fills the order number, not the amount, and sends nothing', async () => {
    await open('refund')
    const amount = el('reverse-amount')
    ;(amount.element as HTMLInputElement).focus()
    await amount.setValue('5')
    typeBurst(amount.element, orderNo, 4)
    await flushPromises()
    expect(el('reverse-tradeno').element.value).toBe(orderNo)
    expect(el('reverse-amount').element.value).toBe('')
    expect(el('reverse-orig').attributes('data-state')).toBe('found')
    expect(api.refund).not.toHaveBeenCalled()
  })

  it('a payment code from the box is not taken for an order number', async () => {
    await open('cancel')
    handlers.get('box:scan')?.({ code: '134567890123456789', codeMasked: '****6789' })
    await flushPromises()
    expect(el('reverse-tradeno').element.value).toBe('')
    expect(api.lookup).not.toHaveBeenCalledWith('134567890123456789')
  })
})
