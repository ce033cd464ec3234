import { describe, expect, it } from 'vitest'
import table from '../../../backend/domain/testdata/amounts.json'
import { amountHint, formatFen, normalizeAmountInput, parseAmount } from './money'

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

// The same table Go's ParseAmount and PayService.Pay are tested on: the UI and the server
// agree on every case.
describe('parseAmount agrees with Go on the shared table', () => {
  it('has the table', () => {
    expect(table.cases.length).toBeGreaterThan(40)
  })

  it.each(table.cases.map((c) => [c.in, c] as const))('%j', (_in, c) => {
    const got = parseAmount(c.in, c.limit ?? 0)
    if (c.code) expect(got).toEqual({ code: c.code })
    else expect(got).toEqual({ fen: c.fen, text: c.text })
  })
})

describe('normalizeAmountInput', () => {
  it('maps full-width digits and points visibly and keeps every other character', () => {
    expect(normalizeAmountInput('１２．５')).toBe('12.5')
    expect(normalizeAmountInput('12。5')).toBe('12.5')
    expect(normalizeAmountInput('-1')).toBe('-1')
    expect(normalizeAmountInput('1,5')).toBe('1,5')
    expect(normalizeAmountInput('-¥8')).toBe('-¥8')
  })
})

describe('amountHint', () => {
  it('is the refusal code, or empty for an amount that can be charged', () => {
    expect(amountHint('8.88')).toBe('')
    expect(amountHint('-1')).toBe('amount_negative')
    expect(amountHint('0')).toBe('amount_zero')
  })
})
