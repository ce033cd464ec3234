// 副收款界面 (manual §4.2): the quick-pay dialog's amount and code, where each came from, and the
// keyboard rules (Enter confirms, Esc returns); the payment itself runs through the pay store.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AmountDetected, BoxScan, WindowModeEvent } from '../api/types'
import { amountHint, formatFen, sanitizeAmountInput } from '../utils/money'
import { usePayStore } from './pay'

/** AmountOrigin is where the dialog's amount came from. */
export type AmountOrigin = 'ocr' | 'textbox' | 'manual'

/** resultSeconds is how long a result stays in the dialog before it returns. */
export const resultSeconds = 3

/**
 * paySource is the source PayService.Pay records: the detection that read the amount (when the
 * cashier did not change it), else "box" when the box scanned the code, else "manual".
 */
export function paySource(origin: AmountOrigin, codeFromBox: boolean): string {
  if (origin === 'ocr' || origin === 'textbox') return origin
  return codeFromBox ? 'box' : 'manual'
}

/** QuickKey is what a key press in the dialog does. */
export type QuickKey = 'confirm' | 'next' | 'back' | 'dismiss' | null

/**
 * quickKey decides a key press: Esc returns; while a result shows, Enter dismisses it; Enter in
 * the amount with no code yet moves to the code; otherwise Enter confirms. Ignored while paying.
 */
export function quickKey(key: string, s: { busy: boolean; showingResult: boolean; field: 'amount' | 'code' | null; hasCode: boolean }): QuickKey {
  if (s.busy) return null
  if (key === 'Escape') return 'back'
  if (key !== 'Enter') return null
  if (s.showingResult) return 'dismiss'
  if (s.field === 'amount' && !s.hasCode) return 'next'
  return 'confirm'
}

export const useQuickPayStore = defineStore('quickpay', () => {
  const pay = usePayStore()
  const amount = ref('')
  const origin = ref<AmountOrigin>('manual')
  const code = ref('')
  const codeFromBox = ref(false)
  const hint = ref<{ field: 'amount' | 'code'; key: string } | null>(null)
  const lastDetected = ref<AmountOrigin>('ocr')

  const source = computed(() => paySource(origin.value, codeFromBox.value))

  /** clear empties the dialog (after a payment or when it is left). */
  function clear(): void {
    amount.value = ''
    origin.value = 'manual'
    code.value = ''
    codeFromBox.value = false
    hint.value = null
  }

  /** detected takes an amount read from the cashier software. */
  function detected(a: AmountDetected): void {
    if (pay.busy || !(a.amount > 0)) return
    amount.value = formatFen(a.amount)
    origin.value = a.source === 'textbox' ? 'textbox' : 'ocr'
    lastDetected.value = origin.value
    if (hint.value?.field === 'amount') hint.value = null
  }

  /** scanned takes a payment code read by the box. */
  function scanned(s: BoxScan): void {
    if (pay.busy || !s.code) return
    code.value = s.code
    codeFromBox.value = true
    if (hint.value?.field === 'code') hint.value = null
  }

  /** seed fills the dialog from the window:mode that opened it. */
  function seed(e: WindowModeEvent | null): void {
    if (!e || pay.busy) return
    if (e.amount && e.amount > 0) detected({ amount: e.amount, source: lastDetected.value })
    if (e.code) scanned({ code: e.code })
  }

  function typeAmount(v: string): void {
    amount.value = sanitizeAmountInput(v)
    origin.value = 'manual'
    if (hint.value?.field === 'amount') hint.value = null
  }

  function typeCode(v: string): void {
    code.value = v.replace(/\s+/g, '')
    codeFromBox.value = false
    if (hint.value?.field === 'code') hint.value = null
  }

  /** check gives the first field to fix, with its hint, or null when both are ready. */
  function check(): 'amount' | 'code' | null {
    const h = amountHint(amount.value)
    if (h) {
      hint.value = { field: 'amount', key: `pay.hint.${h}` }
      return 'amount'
    }
    if (!code.value) hint.value = { field: 'code', key: 'pay.hint.code_empty' }
    else if (!/^\d+$/.test(code.value)) hint.value = { field: 'code', key: 'pay.hint.code_digits' }
    else return null
    return 'code'
  }

  return { amount, origin, code, codeFromBox, hint, source, clear, detected, scanned, seed, typeAmount, typeCode, check }
})
