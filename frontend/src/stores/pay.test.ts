import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Trade } from '../api/types'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const payMock = vi.fn()
vi.mock('../api/pay', () => ({
  payApi: { pay: (...a: unknown[]) => payMock(...a), pending: vi.fn(async () => []) },
}))

import { fieldOf, outcomeOf, usePayStore } from './pay'
import { AppError } from '../api/errors'

function trade(p: Partial<Trade>): Trade {
  return {
    id: 7,
    reqsn: 'XTF0007',
    kind: 'pay',
    status: 'success',
    amount: 1230,
    refundedAmount: 0,
    channel: 'wechat',
    source: 'manual',
    codeMasked: '****6700',
    trxid: '',
    chnltrxid: '',
    trxcode: 'VSP501',
    errmsg: '',
    cashier: '01',
    storeName: '',
    createdAt: '',
    updatedAt: '',
    ...p,
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

beforeEach(() => {
  setActivePinia(createPinia())
  payMock.mockReset()
  handlers.clear()
})

describe('outcomeOf / fieldOf', () => {
  it('maps trade states to result panels', () => {
    expect(outcomeOf('success')).toBe('success')
    for (const s of ['failed', 'closed', 'cancelled']) expect(outcomeOf(s)).toBe('failed')
    for (const s of ['pending', 'unknown', 'sent', 'created', 'closing']) expect(outcomeOf(s)).toBe('pending')
  })
  it('sends amount and code errors to their fields', () => {
    expect(fieldOf(new AppError('amount_zero', ''))).toBe('amount')
    expect(fieldOf(new AppError('amount_too_large', ''))).toBe('amount')
    expect(fieldOf(new AppError('paycode_invalid', ''))).toBe('code')
    expect(fieldOf(new AppError('invalid_input', '', 'authCode'))).toBe('code')
    expect(fieldOf(new AppError('pay_in_flight', ''))).toBeNull()
  })
})

describe('pay store', () => {
  it('passes the typed amount and trimmed code to Go and shows success', async () => {
    payMock.mockResolvedValue(trade({ status: 'success' }))
    const s = usePayStore()
    expect(await s.pay(' 12.3 ', ' 134567890123456700 ')).toBe('result')
    expect(payMock).toHaveBeenCalledWith('12.3', '134567890123456700', 'manual')
    expect(s.phase).toBe('success')
    expect(s.trade?.reqsn).toBe('XTF0007')
  })

  it('ignores every further pay while one is in flight', async () => {
    const d = deferred<Trade>()
    payMock.mockReturnValue(d.promise)
    const s = usePayStore()
    const first = s.pay('1', '134567890123456700')
    expect(s.busy).toBe(true)
    expect(await s.pay('1', '134567890123456700')).toBe('ignored')
    expect(await s.pay('2', '281234567890123400')).toBe('ignored')
    expect(payMock).toHaveBeenCalledTimes(1)
    d.resolve(trade({ status: 'failed', errmsg: '余额不足' }))
    expect(await first).toBe('result')
    expect(s.phase).toBe('failed')
    expect(s.busy).toBe(false)
  })

  it('shows live progress only while paying', async () => {
    const d = deferred<Trade>()
    payMock.mockReturnValue(d.promise)
    const s = usePayStore()
    handlers.get('pay:progress')!({
      tradeId: 7,
      reqsn: 'XTF0007',
      status: 'pending',
      queries: 0,
      elapsedMs: 0,
    })
    expect(s.progress).toBeNull()
    const p = s.pay('1', '134567890123456790')
    handlers.get('pay:progress')!({
      tradeId: 7,
      reqsn: 'XTF0007',
      status: 'pending',
      queries: 2,
      elapsedMs: 6100,
    })
    expect(s.progress?.queries).toBe(2)
    d.resolve(trade({ status: 'success' }))
    await p
    expect(s.phase).toBe('success')
  })

  it('turns a pending answer into 待确认 and resolves it from pay:result', async () => {
    payMock.mockResolvedValue(trade({ status: 'unknown' }))
    const s = usePayStore()
    await s.pay('99.99', '134567890123456793')
    expect(s.phase).toBe('pending')
    handlers.get('pay:result')!(trade({ id: 99, status: 'success' }))
    expect(s.phase).toBe('pending')
    handlers.get('pay:result')!(trade({ status: 'success' }))
    expect(s.phase).toBe('success')
  })

  it('puts bad-amount and bad-code errors under their field, without a result', async () => {
    payMock.mockRejectedValue({
      code: 'amount_too_large',
      message: '金额超过单笔限额 50000.00 元',
      params: { limit: '50000.00' },
    })
    const s = usePayStore()
    expect(await s.pay('99999', '134567890123456700')).toBe('amount')
    expect(s.phase).toBe('idle')
    expect(s.fieldError?.field).toBe('amount')
    s.clearFieldError('code')
    expect(s.fieldError).not.toBeNull()
    s.clearFieldError('amount')
    expect(s.fieldError).toBeNull()

    payMock.mockRejectedValue('paycode_invalid: 无效的付款码，请让顾客刷新后重新出示')
    expect(await s.pay('1', '999999999999999999')).toBe('code')
    expect(s.fieldError?.error.message).toContain('无效的付款码')
  })

  it('shows other errors as a failed result', async () => {
    payMock.mockRejectedValue({ code: 'paycode_used', message: '该付款码已使用' })
    const s = usePayStore()
    expect(await s.pay('1', '134567890123456700')).toBe('error')
    expect(s.phase).toBe('failed')
    expect(s.error?.code).toBe('paycode_used')
    expect(s.trade).toBeNull()
  })
  it("keeps a declined payment's trade from pay:result, whichever comes first", async () => {
    const s = usePayStore()
    const d = deferred<Trade>()
    payMock.mockReturnValue(d.promise)
    const p = s.pay('8', '134567890123456792')
    handlers.get('pay:result')!(trade({ id: 11, status: 'failed', errmsg: '余额不足' }))
    d.reject({ code: 'pay_failed', message: '余额不足' })
    expect(await p).toBe('result')
    expect(s.phase).toBe('failed')
    expect(s.trade?.id).toBe(11)

    payMock.mockRejectedValue({ code: 'pay_failed', message: '余额不足' })
    await s.pay('9', '134567890123456792')
    expect(s.trade).toBeNull()
    handlers.get('pay:result')!(trade({ id: 12, status: 'failed' }))
    expect(s.trade?.id).toBe(12)
    expect(s.phase).toBe('failed')
  })
})
