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
const api = { list: vi.fn(), reprint: vi.fn() }
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
vi.mock('../../api/devices', () => ({ deviceApi: { reprint: (...a: unknown[]) => api.reprint(...a) } }))

import TradesView from './TradesView.vue'
import { i18n, setLocale } from '../../locales'
import { typeBurst } from '../../utils/testScan'

const orderNo = '202611251753280000000105'
const refund = {
  id: 7,
  reqsn: '202611260910000000000107',
  kind: 'refund',
  status: 'success',
  amount: 500,
  refundedAmount: 0,
  channel: 'wechat',
  cashier: '01',
  origReqsn: orderNo,
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

/** lastFilter is the filter of the latest list call. */
const lastFilter = () => api.list.mock.calls.at(-1)?.[0] as Record<string, unknown>

beforeEach(() => {
  setLocale('zh-CN')
  handlers.clear()
  api.list.mockReset()
  api.list.mockResolvedValue({ trades: [refund], total: 1 })
  api.reprint.mockReset()
})
afterEach(() => wrapper.unmount())

describe('交易查询: receipts that lead back', () => {
  it('looks up the order of a receipt QR read by the box, on its own day and any terminal', async () => {
    await open()
    handlers.get('box:scan')?.({ code: orderNo, codeMasked: orderNo, orderNo })
    await flushPromises()
    expect(lastFilter()).toMatchObject({
      from: '2026-11-25',
      to: '2026-11-25',
      tradeNo: orderNo,
      terminal: false,
      offset: 0,
    })
    expect(wrapper.get<HTMLInputElement>('[data-testid="trades-tradeno"]').element.value).toBe(orderNo)
  })

  it('ignores a box scan that is a payment code', async () => {
    await open()
    const calls = api.list.mock.calls.length
    handlers.get('box:scan')?.({ code: '134567890123456789', codeMasked: '****6789' })
    await flushPromises()
    expect(api.list.mock.calls.length).toBe(calls)
  })

  it('looks up a receipt QR typed by a keyboard scanner, and not what a person types slowly', async () => {
    await open()
    const field = wrapper.get('[data-testid="trades-tradeno"]').element as HTMLInputElement
    field.focus()
    typeBurst(field, orderNo, 5)
    await flushPromises()
    expect(lastFilter()).toMatchObject({ from: '2026-11-25', to: '2026-11-25', tradeNo: orderNo })
    const calls = api.list.mock.calls.length
    typeBurst(document.body, '202611251753280000000106', 150)
    await flushPromises()
    expect(api.list.mock.calls.length).toBe(calls)
  })

  it('reprints a successful row with 补打', async () => {
    api.reprint.mockResolvedValue(undefined)
    await open()
    await wrapper.get('[data-testid="trades-reprint"]').trigger('click')
    await flushPromises()
    expect(api.reprint).toHaveBeenCalledWith(7)
    expect(document.body.textContent).toContain('已发送补打小票到打印机')
  })

  it('says why 补打 did not print', async () => {
    api.reprint.mockRejectedValue({ code: 'reprint_printer_off', message: '' })
    await open()
    await wrapper.get('[data-testid="trades-reprint"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('打印功能未开启，请在 设置 → 打印配置 中开启')
  })
})
