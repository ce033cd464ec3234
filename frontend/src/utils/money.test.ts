import { describe, expect, it } from 'vitest'
import { amountHint, formatFen, sanitizeAmountInput } from './money'

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [1230, '12.30'],
    [100, '1.00'],
    [5_000_000, '50000.00'],
    [-1, '-0.01'],
    [-1230, '-12.30'],
    [123456789012, '1234567890.12'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it('shows a dash for missing values', () => {
    expect(formatFen(undefined)).toBe('—')
    expect(formatFen(null)).toBe('—')
    expect(formatFen(Number.NaN)).toBe('—')
  })
})

describe('amountHint', () => {
  it.each([
    ['', 'amount_empty'],
    ['  ', 'amount_empty'],
    ['12.5', ''],
    ['0.01', ''],
    ['12.', ''],
    ['.5', ''],
    ['12.345', 'amount_decimals'],
    ['0', 'amount_zero'],
    ['0.00', 'amount_zero'],
    ['-1', 'amount_invalid'],
    ['1e3', 'amount_invalid'],
    ['１２', 'amount_invalid'],
    ['.', 'amount_invalid'],
  ])('%j → %j', (text, hint) => {
    expect(amountHint(text)).toBe(hint)
  })
})

describe('sanitizeAmountInput', () => {
  it('keeps digits and the first dot', () => {
    expect(sanitizeAmountInput('1a2.3.4')).toBe('12.34')
    expect(sanitizeAmountInput('12。5')).toBe('12.5')
    expect(sanitizeAmountInput('-¥8')).toBe('8')
  })
})
