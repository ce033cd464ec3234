import { describe, expect, it } from 'vitest'
import type { Trade } from '../api/types'
import { firstField, matchesNo, origProblem, refundable, reverseHints } from './reverse'
import { amountFen } from './money'

const day = '2026-03-02'
function trade(p: Partial<Trade> = {}): Trade {
  return {
    id: 1,
    reqsn: 'XTF0001',
    kind: 'pay',
    status: 'success',
    amount: 1250,
    refundedAmount: 0,
    channel: 'wechat',
    source: 'manual',
    codeMasked: '****6700',
    trxid: '240302123',
    chnltrxid: '',
    trxcode: 'VSP501',
    errmsg: '',
    cashier: '01',
    storeName: '',
    createdAt: '2026-03-02T02:00:00Z',
    updatedAt: '',
    ...p,
  }
}
const form = (p: Partial<{ amount: string; password: string; tradeNo: string }> = {}) => ({
  amount: '5',
  password: 'pw',
  tradeNo: 'XTF0001',
  ...p,
})

describe('reverse form rules', () => {
  it('asks for each field in the manual order', () => {
    const h = reverseHints('refund', { amount: '', password: '', tradeNo: '' }, null, day)
    expect(Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v!.key]))).toEqual({
      amount: 'amount_empty',
      password: 'passwordEmpty',
      tradeNo: 'tradeNoEmpty',
    })
    expect(firstField('refund', h)).toBe('amount')
    expect(
      firstField('cancel', reverseHints('cancel', { amount: '', password: '', tradeNo: '' }, null, day)),
    ).toBe('password')
  })

  it('ignores the amount for a void and checks the number shape', () => {
    expect(reverseHints('cancel', form({ amount: '' }), null, day)).toEqual({})
    expect(reverseHints('cancel', form({ tradeNo: 'XTF-01' }), null, day).tradeNo?.key).toBe('tradeNoFormat')
    expect(reverseHints('cancel', form({ tradeNo: 'A'.repeat(33) }), null, day).tradeNo?.key).toBe(
      'tradeNoFormat',
    )
  })

  it('never lets a refund exceed what is left of the payment', () => {
    const orig = trade({ amount: 1250, refundedAmount: 500 })
    expect(refundable(orig)).toBe(750)
    expect(refundable(trade({ status: 'failed' }))).toBe(0)
    expect(refundable(trade({ status: 'closed' }))).toBe(0)
    expect(refundable(trade({ status: 'unknown' }))).toBe(0)
    expect(refundable(trade({ kind: 'refund' }))).toBe(0)
    expect(reverseHints('refund', form({ amount: '7.50' }), orig, day)).toEqual({})
    const over = reverseHints('refund', form({ amount: '7.51' }), orig, day).amount
    expect(over).toEqual({ key: 'amountOver', params: { left: '7.50' } })
    expect(reverseHints('refund', form({ amount: '0' }), orig, day).amount?.key).toBe('amount_zero')
    expect(reverseHints('refund', form({ amount: '1.234' }), orig, day).amount?.key).toBe('amount_decimals')
  })

  it('says why the looked-up payment cannot be voided or refunded', () => {
    expect(origProblem('cancel', trade(), day)).toBeNull()
    expect(origProblem('cancel', trade({ createdAt: '2026-03-01T10:00:00Z' }), day)?.key).toBe('cancelToday')
    // 23:30 UTC on the 1st is already the 2nd in the shop (UTC+8).
    expect(origProblem('cancel', trade({ createdAt: '2026-03-01T23:30:00Z' }), day)).toBeNull()
    expect(origProblem('cancel', trade({ refundedAmount: 1 }), day)?.key).toBe('cancelRefunded')
    expect(origProblem('refund', trade({ refundedAmount: 1250 }), day)?.key).toBe('fullyRefunded')
    expect(origProblem('refund', trade({ status: 'unknown' }), day)?.key).toBe('notSuccess')
    expect(origProblem('refund', trade({ kind: 'refund' }), day)?.key).toBe('notPay')
    expect(origProblem('refund', trade({ status: 'cancelled', refundedAmount: 1250 }), day)?.key).toBe(
      'cancelled',
    )
    expect(origProblem('cancel', trade({ status: 'failed' }), day)?.key).toBe('unpaid')
    expect(origProblem('refund', trade({ status: 'closed' }), day)?.key).toBe('unpaid')
    expect(reverseHints('cancel', form(), trade({ refundedAmount: 1 }), day).tradeNo?.key).toBe(
      'cancelRefunded',
    )
  })

  it('matches a number by order number or Allinpay number, exactly', () => {
    expect(matchesNo(trade(), 'XTF0001')).toBe(true)
    expect(matchesNo(trade(), ' 240302123 ')).toBe(true)
    expect(matchesNo(trade(), '0001')).toBe(false)
    expect(matchesNo(trade(), '')).toBe(false)
  })

  it('reads a refund amount with the shared parser (backend/domain/testdata/amounts.json)', () => {
    expect(amountFen('12.3')).toBe(1230)
    expect(amountFen('０.０７')).toBe(7)
    expect(amountFen('1.234')).toBeNull()
    expect(reverseHints('refund', form({ amount: '-1' }), null, day).amount?.key).toBe('amount_negative')
  })
})
