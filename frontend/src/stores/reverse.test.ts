import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Trade } from '../api/types'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const api = { lookup: vi.fn(), cancel: vi.fn(), refund: vi.fn() }
vi.mock('../api/trades', () => ({
  tradeApi: {
    lookup: (...a: unknown[]) => api.lookup(...a),
    cancel: (...a: unknown[]) => api.cancel(...a),
    refund: (...a: unknown[]) => api.refund(...a),
  },
}))

import { reverseFieldOf, useReverseStore } from './reverse'
import { AppError } from '../api/errors'

function trade(p: Partial<Trade> = {}): Trade {
  return {
    id: 9,
    reqsn: 'XTF0009',
    kind: 'pay',
    status: 'success',
    amount: 2000,
    refundedAmount: 0,
    channel: 'alipay',
    source: 'manual',
    codeMasked: '****6700',
    trxid: 'T9',
    chnltrxid: '',
    trxcode: 'VSP511',
    errmsg: '',
    cashier: '01',
    storeName: '',
    createdAt: new Date().toISOString(),
    updatedAt: '',
    ...p,
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  handlers.clear()
  Object.values(api).forEach((f) => f.mockReset())
})

describe('reverse store', () => {
  it('shows a handed-over row without asking the platform', async () => {
    const rev = useReverseStore()
    rev.handOver(trade())
    await rev.lookup('XTF0009')
    expect(api.lookup).not.toHaveBeenCalled()
    expect([rev.lookupState, rev.orig?.id]).toEqual(['found', 9])
  })

  it('looks a number up on any day through Lookup; not_found is missing, other errors show', async () => {
    const rev = useReverseStore()
    api.lookup.mockRejectedValueOnce(new AppError('not_found', '交易不存在'))
    await rev.lookup(' 0009 ')
    expect(api.lookup).toHaveBeenCalledWith('0009')
    expect([rev.lookupState, rev.lookupError]).toEqual(['missing', null])
    api.lookup.mockResolvedValueOnce(trade({ createdAt: '2026-01-02T10:00:00+08:00' }))
    await rev.lookup('T9')
    expect([rev.lookupState, rev.orig?.reqsn]).toEqual(['found', 'XTF0009'])
    api.lookup.mockRejectedValueOnce(new AppError('unavailable', '平台未就绪'))
    await rev.lookup('XTF0009')
    expect([rev.lookupState, rev.lookupError?.code]).toEqual(['error', 'unavailable'])
  })

  it('keeps only the answer of the latest lookup', async () => {
    const rev = useReverseStore()
    let first!: (v: unknown) => void
    api.lookup.mockReturnValueOnce(new Promise((r) => (first = r))).mockResolvedValueOnce(trade())
    const a = rev.lookup('XTF0001')
    await rev.lookup('XTF0009')
    first(trade({ reqsn: 'XTF0001' }))
    await a
    expect(rev.orig?.reqsn).toBe('XTF0009')
  })

  it('voids with the admin password, follows pay:progress and reloads the original', async () => {
    const rev = useReverseStore()
    let done!: (t: Trade) => void
    api.cancel.mockReturnValue(new Promise<Trade>((r) => (done = r)))
    api.lookup.mockResolvedValue(trade({ refundedAmount: 2000 }))
    const p = rev.submit('cancel', { amount: '', password: 'admin-pw', tradeNo: ' XTF0009 ' })
    expect(rev.busy).toBe(true)
    handlers.get('pay:progress')!({
      tradeId: 10,
      reqsn: 'XTF0010',
      status: 'pending',
      queries: 2,
      elapsedMs: 3000,
    })
    expect(rev.progress?.queries).toBe(2)
    done(trade({ id: 10, reqsn: 'XTF0010', kind: 'cancel', origReqsn: 'XTF0009' }))
    expect(await p).toBe('result')
    expect(api.cancel).toHaveBeenCalledWith('XTF0009', 'admin-pw')
    expect(rev.phase).toBe('success')
    // The original is reloaded in the background; its lookup answers at once.
    await flushPromises()
    expect(api.lookup).toHaveBeenLastCalledWith('XTF0009')
    expect(rev.orig?.refundedAmount).toBe(2000)
  })

  it('sends the refund amount as typed and a 待确认 answer shows as pending', async () => {
    const rev = useReverseStore()
    api.refund.mockResolvedValue(trade({ id: 11, kind: 'refund', status: 'unknown', amount: 500 }))
    api.lookup.mockRejectedValue(new AppError('not_found', '交易不存在'))
    expect(await rev.submit('refund', { amount: '5.00 ', password: 'pw', tradeNo: 'XTF0009' })).toBe('result')
    expect(api.refund).toHaveBeenCalledWith('XTF0009', '5.00', 'pw')
    expect(rev.phase).toBe('pending')
  })

  it('routes errors to their field, or to the result panel', async () => {
    const rev = useReverseStore()
    api.cancel.mockRejectedValueOnce({ code: 'admin_password', message: '管理员密码错误' })
    expect(await rev.submit('cancel', { amount: '', password: 'x', tradeNo: 'XTF0009' })).toBe('password')
    expect(rev.phase).toBe('idle')
    api.cancel.mockRejectedValueOnce({
      code: 'reverse_not_allowed',
      message: '只能撤销当天的交易，请使用退货',
    })
    expect(await rev.submit('cancel', { amount: '', password: 'x', tradeNo: 'XTF0009' })).toBe('error')
    expect([rev.phase, rev.error?.message]).toEqual(['failed', '只能撤销当天的交易，请使用退货'])
    expect(reverseFieldOf(new AppError('not_found', ''))).toBe('tradeNo')
    expect(reverseFieldOf(new AppError('amount_zero', ''))).toBe('amount')
    expect(reverseFieldOf(new AppError('unavailable', ''))).toBeNull()
  })

  it('ignores a second submit while one is in flight', async () => {
    const rev = useReverseStore()
    api.cancel.mockReturnValue(new Promise(() => {}))
    void rev.submit('cancel', { amount: '', password: 'x', tradeNo: 'XTF0009' })
    expect(await rev.submit('cancel', { amount: '', password: 'x', tradeNo: 'XTF0009' })).toBe('ignored')
    expect(api.cancel).toHaveBeenCalledTimes(1)
  })
})
