// A result belongs to its cashier, store and moment (issue 10.2); 撤销本笔 while paying (10.3).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { AppState, Trade } from '../api/types'

vi.mock('../api/runtime', () => ({ onEvent: () => () => {} }))
const payMock = vi.fn()
const cancelMock = vi.fn()
vi.mock('../api/pay', () => ({
  payApi: {
    pay: (...a: unknown[]) => payMock(...a),
    cancel: () => cancelMock(),
    pending: vi.fn(async () => []),
  },
}))

import { resultFreshMs, usePayStore } from './pay'
import { useSessionStore } from './session'

const paid = { id: 8, reqsn: 'XTF8', kind: 'pay', status: 'success', amount: 888 } as Trade
const terminal = {
  termNo: 'T1',
  merchantNo: 'M',
  merchantName: 'M',
  storeId: 1,
  storeName: '一店',
  payLimit: 0,
}
const profile = (account: string) => ({ account, name: account, role: 'cashier' })

beforeEach(() => {
  setActivePinia(createPinia())
  payMock.mockReset()
  cancelMock.mockReset()
  useSessionStore().state = { initialized: true, terminal, profile: profile('02') } as unknown as AppState
})
afterEach(() => vi.useRealTimers())

async function paidResult() {
  const pay = usePayStore()
  payMock.mockResolvedValue(paid)
  await pay.pay('8.88', '134567890123456700')
  expect(pay.phase).toBe('success')
  return pay
}

describe('a result belongs to its cashier, store and moment', () => {
  it('is cleared at 退出登录', async () => {
    const pay = await paidResult()
    useSessionStore().setProfile(null)
    await nextTick()
    expect([pay.phase, pay.trade]).toEqual(['idle', null])
  })

  it('is cleared when another cashier logs in', async () => {
    const pay = await paidResult()
    useSessionStore().setProfile(profile('03') as never)
    await nextTick()
    expect(pay.phase).toBe('idle')
  })

  it('is cleared by a change of store and by re-initialisation', async () => {
    let pay = await paidResult()
    useSessionStore().setTerminal({ ...terminal, storeId: 2, storeName: '二店' })
    await nextTick()
    expect(pay.phase).toBe('idle')
    pay = await paidResult()
    useSessionStore().setTerminal({ ...terminal, termNo: 'T9' })
    await nextTick()
    expect(pay.phase).toBe('idle')
  })

  it('fades to 上一笔 after a while, and a new payment starts fresh', async () => {
    vi.useFakeTimers()
    const pay = await paidResult()
    expect(pay.stale).toBe(false)
    vi.advanceTimersByTime(resultFreshMs)
    expect(pay.stale).toBe(true)
    payMock.mockResolvedValue({ ...paid, id: 9 })
    await pay.pay('1', '134567890123456701')
    expect(pay.stale).toBe(false)
  })
})

describe('撤销本笔', () => {
  it('asks Go to close the payment and waits for the bank: closed shows as 已撤销', async () => {
    const pay = usePayStore()
    let finish!: (t: Trade) => void
    payMock.mockReturnValue(new Promise<Trade>((r) => (finish = r)))
    cancelMock.mockResolvedValue(undefined)
    const done = pay.pay('8.88', '134567890123456791')
    await pay.cancel()
    expect(cancelMock).toHaveBeenCalledTimes(1)
    expect([pay.phase, pay.cancelling]).toEqual(['paying', true])
    finish({ ...paid, status: 'closed', errmsg: '订单已关闭' })
    await done
    expect([pay.phase, pay.cancelled]).toEqual(['failed', true])
  })

  it('shows 收款成功 when the customer paid before the close', async () => {
    const pay = usePayStore()
    let finish!: (t: Trade) => void
    payMock.mockReturnValue(new Promise<Trade>((r) => (finish = r)))
    cancelMock.mockResolvedValue(undefined)
    const done = pay.pay('8.88', '134567890123456790')
    await pay.cancel()
    finish(paid)
    await done
    expect([pay.phase, pay.cancelled]).toEqual(['success', false])
  })

  it('does nothing when no payment is in flight', async () => {
    await usePayStore().cancel()
    expect(cancelMock).not.toHaveBeenCalled()
  })
})
