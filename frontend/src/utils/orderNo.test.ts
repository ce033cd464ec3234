import { describe, expect, it } from 'vitest'
import { dayOfOrderNo, isOrderNo } from './orderNo'

// The same cases as Go's TestOrderNoIsNeverAPaymentCode (domain.IsOrderNo is the rule).
describe('isOrderNo', () => {
  it('recognises order numbers and never a payment code', () => {
    for (const no of ['202611251753280001234567', '209912312359590000000000', '200002290000000000000000'])
      expect(isOrderNo(no), no).toBe(true)
    for (const code of [
      '',
      '134567890123456789',
      '284567890123456789',
      '300000000000000000000000',
      '6212345678901234567',
      '20261125175328000123456',
      '2026112517532800012345678',
      '202613251753280001234567',
      '202602301753280001234567',
      '202611251753280001234x67',
      'TEST20261125175328',
      '192611251753280001234567',
    ])
      expect(isOrderNo(code), code).toBe(false)
  })

  it('gives the trade day', () => {
    expect(dayOfOrderNo('202611251753280001234567')).toBe('2026-11-25')
  })
})
