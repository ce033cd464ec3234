import { describe, expect, it } from 'vitest'
import { signedAmount, statusTagType, tradeTypeKey } from './trade'

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
})
