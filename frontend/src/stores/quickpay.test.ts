import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/runtime', () => ({ onEvent: () => () => {} }))
vi.mock('../api/pay', () => ({
  payApi: { pay: vi.fn(() => new Promise(() => {})), pending: vi.fn(async () => []) },
}))

import { paySource, quickKey, useQuickPayStore } from './quickpay'
import { usePayStore } from './pay'

beforeEach(() => setActivePinia(createPinia()))

describe('quick pay rules', () => {
  it('records where the amount came from, else the box, else manual', () => {
    expect(paySource('ocr', true)).toBe('ocr')
    expect(paySource('textbox', false)).toBe('textbox')
    expect(paySource('manual', true)).toBe('box')
    expect(paySource('manual', false)).toBe('manual')
  })

  it('Enter confirms, moves on from an amount with no code, dismisses a result; Esc returns', () => {
    const s = { busy: false, showingResult: false, field: 'amount' as const, hasCode: false }
    expect(quickKey('Enter', s)).toBe('next')
    expect(quickKey('Enter', { ...s, hasCode: true })).toBe('confirm')
    expect(quickKey('Enter', { ...s, field: 'code' })).toBe('confirm')
    expect(quickKey('Enter', { ...s, showingResult: true })).toBe('dismiss')
    expect(quickKey('Escape', s)).toBe('back')
    expect(quickKey('a', s)).toBeNull()
    expect(quickKey('Escape', { ...s, busy: true })).toBeNull()
    expect(quickKey('Enter', { ...s, busy: true })).toBeNull()
  })

  it('takes detected amounts and box codes, forgets the source once the cashier edits', () => {
    const qp = useQuickPayStore()
    qp.detected({ amount: 12332, source: 'ocr' })
    qp.scanned({ code: '134567890123456700' })
    expect([qp.amount, qp.code, qp.source]).toEqual(['123.32', '134567890123456700', 'ocr'])
    qp.typeAmount('12３.5x')
    // Nothing is dropped: the full-width ３ is read as 3, the x stays and is refused.
    expect([qp.amount, qp.source]).toEqual(['123.5x', 'box'])
    expect(qp.hintText('amount')).toBe('金额格式不正确，请输入如 12.50 的数字')
    qp.typeCode('1345 6789')
    expect([qp.code, qp.source]).toEqual(['13456789', 'manual'])
  })

  it('seeds from window:mode using the last detection source', () => {
    const qp = useQuickPayStore()
    qp.detected({ amount: 100, source: 'textbox' })
    qp.clear()
    qp.seed({ mode: 'quickpay', reason: 'amount', amount: 4550 })
    expect([qp.amount, qp.source]).toEqual(['45.50', 'textbox'])
    qp.seed({ mode: 'quickpay', reason: 'box', code: '281234567890123400' })
    expect(qp.code).toBe('281234567890123400')
  })

  it('seeds quick pay with a 客显 total as source pole', () => {
    const qp = useQuickPayStore()
    qp.seed({ mode: 'quickpay', reason: 'amount', amount: 880, source: 'pole' })
    expect([qp.amount, qp.source]).toEqual(['8.80', 'pole'])
  })

  it('seeds with the source Go names for the carried amount', () => {
    const qp = useQuickPayStore()
    qp.detected({ amount: 100, source: 'textbox' })
    qp.clear()
    qp.seed({ mode: 'quickpay', reason: 'hotkey', amount: 1230, source: 'ocr' })
    expect([qp.amount, qp.source]).toEqual(['12.30', 'ocr'])
  })

  it('changes nothing while a payment is in flight', async () => {
    const qp = useQuickPayStore()
    qp.typeAmount('5')
    qp.typeCode('134567890123456700')
    void usePayStore().pay('5', '134567890123456700')
    qp.detected({ amount: 999, source: 'ocr' })
    qp.scanned({ code: '281234567890123400' })
    expect([qp.amount, qp.code]).toEqual(['5', '134567890123456700'])
  })

  it('checks the amount before the code', () => {
    const qp = useQuickPayStore()
    expect(qp.check()).toBe('amount')
    expect(qp.hint).toMatchObject({ field: 'amount', key: 'errors.amount_empty' })
    qp.typeAmount('3')
    expect(qp.check()).toBe('code')
    qp.typeCode('12ab')
    expect(qp.check()).toBe('code')
    expect(qp.hint?.key).toBe('pay.hint.code_digits')
    qp.typeCode('134567890123456700')
    expect(qp.check()).toBeNull()
  })
})
