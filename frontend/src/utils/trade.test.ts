import { describe, expect, it } from 'vitest'
import { signedAmount, standing, statusKey, statusTagType, tradeTypeKey } from './trade'

describe('trade display', () => {
  it('shows voids and refunds as negative amounts', () => {
    expect(signedAmount({ kind: 'pay', amount: 1230 })).toBe(1230)
    expect(signedAmount({ kind: 'refund', amount: 500 })).toBe(-500)
    expect(signedAmount({ kind: 'cancel', amount: 1 })).toBe(-1)
  })
  it('names the trade type by kind and channel', () => {
    expect(tradeTypeKey({ kind: 'pay', channel: 'wechat' })).toBe('tradeType.pay.wechat')
    expect(tradeTypeKey({ kind: 'pay', channel: 'weird' })).toBe('tradeType.pay.unknown')
    expect(tradeTypeKey({ kind: 'cancel', channel: 'alipay' })).toBe('tradeType.cancel')
  })
  it('colours unresolved trades as warnings', () => {
    expect(statusTagType('unknown')).toBe('warning')
    expect(statusTagType('failed')).toBe('danger')
    expect(statusTagType('success')).toBe('success')
  })
  it('tells a partly refunded payment from an open and a fully refunded one', () => {
    const pay = { kind: 'pay', status: 'success', amount: 1000, refundedAmount: 0 }
    expect(standing(pay)).toBe('open')
    expect(standing({ ...pay, refundedAmount: 300 })).toBe('partlyRefunded')
    expect(standing({ ...pay, refundedAmount: 1000 })).toBe('fullyRefunded')
    expect(standing({ ...pay, status: 'cancelled', refundedAmount: 1000 })).toBe('cancelled')
    expect(standing({ ...pay, status: 'failed' })).toBe('unpaid')
    expect(standing({ ...pay, status: 'pending' })).toBe('unsettled')
    expect(standing({ ...pay, kind: 'refund' })).toBe('notPay')
    expect(statusKey({ ...pay, refundedAmount: 300 })).toBe('standing.partlyRefunded')
    expect(statusKey({ ...pay, refundedAmount: 1000 })).toBe('standing.fullyRefunded')
    expect(statusKey(pay)).toBe('status.success')
    expect(statusKey({ ...pay, kind: 'refund', refundedAmount: 1000 })).toBe('status.success')
  })
})
