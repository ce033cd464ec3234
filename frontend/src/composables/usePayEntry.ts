// The amount and payment code being entered on the 收款 form and in the quick-pay dialog: where
// each came from, the typing rules, and the local checks before PayService.Pay.
import { computed, ref } from 'vue'
import type { AmountDetected, BoxScan } from '../api/types'
import { i18n } from '../locales'
import { usePayStore, type PayField } from '../stores/pay'
import { amountHint, formatFen, sanitizeAmountInput } from '../utils/money'
import { errText } from '../utils/errorText'

/** AmountOrigin is where the amount came from. */
export type AmountOrigin = 'ocr' | 'textbox' | 'manual'

/**
 * paySource is the source PayService.Pay records: the detection that read the amount (when the
 * cashier did not change it), else "box" when the box scanned the code, else "manual".
 */
export function paySource(origin: AmountOrigin, codeFromBox: boolean): string {
  if (origin === 'ocr' || origin === 'textbox') return origin
  return codeFromBox ? 'box' : 'manual'
}

/** usePayEntry holds one amount + code entry; its hints are i18n keys, shown with hintText. */
export function usePayEntry() {
  const pay = usePayStore()
  const amount = ref('')
  const origin = ref<AmountOrigin>('manual')
  const code = ref('')
  const codeFromBox = ref(false)
  const hint = ref<{ field: PayField; key: string } | null>(null)
  const source = computed(() => paySource(origin.value, codeFromBox.value))

  function settle(field: PayField): void {
    if (hint.value?.field === field) hint.value = null
    pay.clearFieldError(field)
  }

  /** clear empties the entry (after a payment or when the dialog is left). */
  function clear(): void {
    amount.value = ''
    origin.value = 'manual'
    code.value = ''
    codeFromBox.value = false
    hint.value = null
  }

  /** detected takes an amount read from the cashier software; false when it was not taken. */
  function detected(a: AmountDetected): boolean {
    if (pay.busy || !(a.amount > 0)) return false
    amount.value = formatFen(a.amount)
    origin.value = a.source === 'textbox' ? 'textbox' : 'ocr'
    settle('amount')
    return true
  }

  /** scanned takes a payment code read by the box; false when it was not taken. */
  function scanned(s: BoxScan): boolean {
    if (pay.busy || !s.code) return false
    code.value = s.code
    codeFromBox.value = true
    settle('code')
    return true
  }

  function typeAmount(v: string): void {
    amount.value = sanitizeAmountInput(v)
    origin.value = 'manual'
    settle('amount')
  }

  function typeCode(v: string): void {
    code.value = v.replace(/\s+/g, '')
    codeFromBox.value = false
    settle('code')
  }

  /** checkAmount hints at a missing or bad amount; true when it is fine. */
  function checkAmount(): boolean {
    const h = amountHint(amount.value)
    if (h) hint.value = { field: 'amount', key: `pay.hint.${h}` }
    else if (hint.value?.field === 'amount') hint.value = null
    return !h
  }

  /** check gives the first field to fix, with its hint, or null when both are ready. */
  function check(): PayField | null {
    if (!checkAmount()) return 'amount'
    if (!code.value) hint.value = { field: 'code', key: 'pay.hint.code_empty' }
    else if (!/^\d+$/.test(code.value)) hint.value = { field: 'code', key: 'pay.hint.code_digits' }
    else return null
    return 'code'
  }

  /** hintText is what shows under a field: Go's error for it, else the local hint. */
  function hintText(field: PayField): string {
    if (pay.fieldError?.field === field) return errText(pay.fieldError.error)
    return hint.value?.field === field ? i18n.global.t(hint.value.key) : ''
  }

  return {
    amount,
    origin,
    code,
    codeFromBox,
    hint,
    source,
    clear,
    detected,
    scanned,
    typeAmount,
    typeCode,
    checkAmount,
    check,
    hintText,
  }
}
