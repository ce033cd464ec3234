import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { list: vi.fn() }
vi.mock('../../api/trades', () => ({
  tradeApi: {
    list: (...a: unknown[]) => api.list(...a),
    totals: (...a: unknown[]) => totals(...a),
  },
}))
const totals = vi.fn(async (..._: unknown[]) => ({
  count: 3,
  payCount: 2,
  payAmount: 5000,
  cancelCount: 0,
  cancelAmount: 0,
  refundCount: 1,
  refundAmount: 1000,
  netAmount: 4000,
}))

import TradesView from './TradesView.vue'
import { i18n, setLocale } from '../../locales'
import { presetPeriod } from '../../utils/period'

const pay = {
  id: 5,
  reqsn: 'XTF0005',
  kind: 'pay',
  status: 'success',
  amount: 3000,
  refundedAmount: 1000,
  channel: 'wechat',
  trxid: 'T5',
  cashier: '01',
  createdAt: new Date().toISOString(),
  errmsg: '',
  updatedAt: '',
} as Trade
let wrapper: VueWrapper

async function open(): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/trades', name: 'trades', component: TradesView }],
  })
  await router.push('/trades')
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(TradesView, {
    global: { plugins: [pinia, i18n, ElementPlus, router] },
    attachTo: document.body,
  })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  api.list.mockReset()
  api.list.mockResolvedValue({ trades: [pay], total: 1 })
})
afterEach(() => wrapper.unmount())

describe('交易查询', () => {
  it('shows a partly refunded payment as 部分退货 with the refunded sum', async () => {
    await open()
    expect(wrapper.get('[data-testid="trades-cell-status"]').text()).toBe('部分退货')
    expect(wrapper.get('[data-testid="trades-cell-remark"]').text()).toBe('已退 ¥10.00')
  })

  it('filters by channel (微信/支付宝/云闪付) through Go', async () => {
    await open()
    expect(api.list.mock.calls[0][0].channel).toBe('')
    await wrapper.get('[data-testid="trades-channel"]').trigger('click')
    await flushPromises()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) =>
      o.textContent?.trim(),
    )
    expect(options).toEqual(expect.arrayContaining(['微信', '支付宝', '云闪付']))
    const ali = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '支付宝',
    )!
    ali.click()
    await flushPromises()
    await wrapper.get('[data-testid="trades-query"]').trigger('click')
    await flushPromises()
    expect(api.list.mock.lastCall![0]).toMatchObject({ channel: 'alipay', offset: 0 })
  })

  it('queries a preset period (本周, from Monday, China time) with its totals', async () => {
    await open()
    const today = presetPeriod('today')
    expect(api.list.mock.calls[0][0]).toMatchObject({ from: today.from, to: today.to })
    expect(wrapper.get('[data-testid="trades-totals"]').text()).toBe(
      '合计 3 笔：收款 2 笔 ¥50.00，撤销 ¥0.00，退货 ¥10.00，净收款 ¥40.00',
    )
    await wrapper.get('[data-testid="trades-period"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLElement>('[data-testid="trades-period-week"]')!.click()
    await flushPromises()
    const week = presetPeriod('week')
    expect(api.list.mock.lastCall![0]).toMatchObject({ from: week.from, to: week.to, offset: 0 })
    expect(totals.mock.lastCall![0]).toMatchObject({ from: week.from, to: week.to })
  })

  it("replaces the manual's footnote: the screen itself queries any period", async () => {
    await open()
    const note = wrapper.get('[data-testid="trades-note"]').text()
    expect(note).not.toContain('公众号')
    expect(note).toContain('单次最长 92 天')
  })
})
