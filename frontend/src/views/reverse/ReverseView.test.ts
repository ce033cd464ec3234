import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
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

const paid = {
  id: 5,
  reqsn: 'XTF0005',
  kind: 'pay',
  status: 'success',
  amount: 3000,
  refundedAmount: 1000,
  channel: 'wechat',
  trxid: 'T5',
  createdAt: new Date().toISOString(),
  errmsg: '',
  origReqsn: '',
  updatedAt: '',
} as Trade
let wrapper: VueWrapper
const el = (id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`)

async function open(kind: 'cancel' | 'refund', no = 'XTF0005'): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/reverse/:kind', name: 'reverse', component: ReverseView, props: true }],
  })
  await router.push(`/reverse/${kind}?no=${no}`)
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
  Object.values(api).forEach((f) => f.mockReset())
  api.lookup.mockResolvedValue(paid)
})
afterEach(() => {
  vi.useRealTimers()
  wrapper.unmount()
})

describe('交易退货 form', () => {
  it('shows the looked-up payment and refuses more than is left, before asking Go', async () => {
    await open('refund')
    expect(el('reverse-orig').attributes('data-state')).toBe('found')
    expect(el('reverse-orig-refundable').text()).toBe('¥ 20.00')
    await el('reverse-amount').setValue('20.01')
    await el('reverse-password').setValue('admin-pw')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.refund).not.toHaveBeenCalled()
    // The amount field is marked (Element Plus shows the words under it; jsdom stubs its transition).
    expect(wrapper.findAll('.el-form-item')[0].classes()).toContain('is-error')
    expect(wrapper.findAll('.el-form-item')[1].classes()).not.toContain('is-error')
    expect(document.activeElement).toBe(el('reverse-amount').element)
    await wrapper.get('[data-testid="reverse-refund-all"]').trigger('click')
    await el('reverse-tradeno').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.refund).toHaveBeenCalledWith('XTF0005', '20.00', 'admin-pw')
  })

  it('refuses to void a payment that was already partly refunded, before asking Go', async () => {
    await open('cancel')
    await el('reverse-password').setValue('nope')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.cancel).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="reverse-orig-problem"]').text()).toBe('该交易已有退货，不能再撤销')
    expect(wrapper.findAll('.el-form-item')[1].classes()).toContain('is-error')
  })

  it('a wrong admin password marks the password field and clears it', async () => {
    api.lookup.mockResolvedValue({ ...paid, refundedAmount: 0 })
    await open('cancel')
    api.cancel.mockRejectedValue({ code: 'admin_password', message: '管理员密码错误' })
    await el('reverse-password').setValue('nope')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.cancel).toHaveBeenCalledWith('XTF0005', 'nope')
    expect(el('reverse-password').element.value).toBe('')
    expect(wrapper.findAll('.el-form-item')[0].classes()).toContain('is-error')
    expect(wrapper.get('[data-testid="reverse-result"]').attributes('data-status')).toBe('idle')
  })

  it('voids a clean payment and shows the result', async () => {
    api.lookup.mockResolvedValue({ ...paid, refundedAmount: 0 })
    await open('cancel')
    api.cancel.mockResolvedValue({
      ...paid,
      id: 6,
      reqsn: 'XTF0006',
      kind: 'cancel',
      amount: 3000,
      refundedAmount: 0,
    })
    await el('reverse-password').setValue('admin-pw')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.cancel).toHaveBeenCalledWith('XTF0005', 'admin-pw')
    expect(wrapper.get('[data-testid="reverse-result"]').attributes('data-status')).toBe('success')
    expect(wrapper.get('[data-testid="reverse-result-status"]').text()).toBe('撤销成功')
    expect(el('reverse-password').element.value).toBe('')
  })
  it('typing a number looks it up after a pause, and not at all once the form is gone', async () => {
    await open('cancel')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    api.lookup.mockClear()
    await el('reverse-tradeno').setValue('XTF0007')
    vi.advanceTimersByTime(400)
    expect(api.lookup).toHaveBeenLastCalledWith('XTF0007')
    await el('reverse-tradeno').setValue('XTF0008')
    wrapper.unmount()
    vi.advanceTimersByTime(400)
    expect(api.lookup).toHaveBeenCalledTimes(1)
  })
})

describe('原交易 panel follows the trade', () => {
  it('after a successful void shows the payment as voided, not as an error', async () => {
    api.lookup.mockResolvedValueOnce({ ...paid, refundedAmount: 0 })
    await open('cancel')
    api.cancel.mockResolvedValue({ ...paid, id: 6, reqsn: 'XTF0006', kind: 'cancel', refundedAmount: 0 })
    api.lookup.mockResolvedValue({ ...paid, status: 'cancelled', refundedAmount: 3000 })
    await el('reverse-password').setValue('admin-pw')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(wrapper.get('[data-testid="reverse-result"]').attributes('data-status')).toBe('success')
    const state = wrapper.get('[data-testid="reverse-orig-problem"]')
    expect(state.text()).toBe('该交易已撤销，全额已退还顾客')
    expect(state.attributes('data-tone')).toBe('info')
    expect(wrapper.find('[data-testid="reverse-orig-refundable"]').exists()).toBe(false)
    expect(el('reverse-orig-refunded').text()).toBe('¥ 30.00')
  })

  it('a failed payment shows no refundable sum', async () => {
    api.lookup.mockResolvedValue({ ...paid, status: 'failed', refundedAmount: 0, amount: 200 })
    await open('refund')
    expect(wrapper.find('[data-testid="reverse-orig-refundable"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="reverse-orig-refunded"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="reverse-orig-problem"]').text()).toBe(
      '该交易没有收款成功，没有可退金额',
    )
    expect(el('reverse-refund-all').attributes('disabled')).toBeDefined()
  })

  it('a refused refund reloads the original, whose state may have changed elsewhere', async () => {
    await open('refund')
    api.refund.mockRejectedValue({ code: 'reverse_not_allowed', message: '退货金额超过可退金额' })
    api.lookup.mockResolvedValue({ ...paid, refundedAmount: 3000 })
    await el('reverse-amount').setValue('5')
    await el('reverse-password').setValue('admin-pw')
    await el('reverse-password').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.refund).toHaveBeenCalled()
    expect(el('reverse-orig-refunded').text()).toBe('¥ 30.00')
    expect(el('reverse-orig-refundable').text()).toBe('¥ 0.00')
  })
})
