import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Trade } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const payMock = vi.fn()
const cancelMock = vi.fn()
vi.mock('../../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), cancel: () => cancelMock(), pending: async () => [] },
}))

import PayResult from './PayResult.vue'
import { i18n, setLocale } from '../../locales'
import { resultFreshMs, usePayStore } from '../../stores/pay'

let wrapper: VueWrapper
const paid = { id: 1, reqsn: 'XTF1', kind: 'pay', status: 'success', amount: 888, channel: 'wechat' } as Trade

beforeEach(() => {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  payMock.mockReset()
  cancelMock.mockReset()
  wrapper = mount(PayResult, { global: { plugins: [pinia, i18n, ElementPlus] } })
})
afterEach(() => {
  wrapper.unmount()
  vi.useRealTimers()
})

describe('PayResult', () => {
  it('offers 撤销本笔 while paying and shows it is waiting for the bank, not failed', async () => {
    const pay = usePayStore()
    payMock.mockReturnValue(new Promise(() => {}))
    void pay.pay('8.88', '134567890123456791')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-progress-queries"]').text()).toBe('已向通联查询 0 次')
    await wrapper.get('[data-testid="pay-cancel"]').trigger('click')
    await flushPromises()
    expect(cancelMock).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="pay-result"]').attributes('data-status')).toBe('paying')
    expect(wrapper.get('[data-testid="pay-result-status"]').text()).toBe('正在撤销…')
  })

  it('fades an old result to one 上一笔 line under 等待收款', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    payMock.mockResolvedValue(paid)
    await usePayStore().pay('8.88', '134567890123456700')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-result-status"]').text()).toBe('收款成功')
    vi.advanceTimersByTime(resultFreshMs)
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-result-status"]').text()).toBe('等待收款')
    expect(wrapper.get('[data-testid="pay-result-last"]').text()).toContain('上一笔 · 收款成功 ¥8.88')
    expect(wrapper.find('[data-testid="pay-result-amount"]').exists()).toBe(false)
  })

  it('shows 已撤销本笔 in grey, not as a failure, and a decline in red', async () => {
    const pay = usePayStore()
    let settle: (t: Trade) => void = () => {}
    payMock.mockReturnValue(new Promise<Trade>((r) => (settle = r)))
    void pay.pay('8.88', '134567890123456791')
    await flushPromises()
    await wrapper.get('[data-testid="pay-cancel"]').trigger('click')
    settle({ ...paid, status: 'closed' } as Trade)
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-result-status"]').text()).toBe('已撤销本笔')
    expect(wrapper.get('[data-testid="pay-result"]').classes()).toContain('neutral')

    payMock.mockResolvedValue({ ...paid, status: 'failed', errmsg: '余额不足' } as Trade)
    await pay.pay('8.88', '134567890123456792')
    await flushPromises()
    expect(wrapper.get('[data-testid="pay-result"]').attributes('data-status')).toBe('failed')
    expect(wrapper.get('[data-testid="pay-result"]').classes()).not.toContain('neutral')
  })
})
