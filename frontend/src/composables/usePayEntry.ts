// The amount and payment code being entered on the 收款 form and in the quick-pay dialog: where
// each came from, the typing rules, and the local checks before PayService.Pay.
import { computed, ref } from 'vue'
import type { AmountDetected, BoxScan } from '../api/types'
import { i18n } from '../locales'
import { usePayStore, type PayField } from '../stores/pay'
import { useSessionStore } from '../stores/session'
import { amountHint, formatFen, normalizeAmountInput, type AmountCode } from '../utils/money'
import { errText } from '../utils/errorText'

/** AmountOrigin is where the amount came from. */
export type AmountOrigin = 'ocr' | 'textbox' | 'pole' | 'pos' | 'manual'

/**
 * paySource is the source PayService.Pay records: the detection that read the amount (when the
 * cashier did not change it), else "box" when the box scanned the code, else "manual".
 */
export function paySource(origin: AmountOrigin, codeFromBox: boolean): string {
  if (origin !== 'manual') return origin
  return codeFromBox ? 'box' : 'manual'
}

/**
 * detectedOrigin is the origin of a detected amount: a POS API order only with its number (so it
 * is paid as that order), else the detection named, ocr when unknown.
 */
export function detectedOrigin(a: AmountDetected): AmountOrigin {
  if (a.source === 'pos') return a.order ? 'pos' : 'manual'
  return a.source === 'textbox' || a.source === 'pole' ? a.source : 'ocr'
}

/**
 * shownWhileTyping are the refusals that no further typing can mend, so the hint appears at
 * once; the others (empty, an amount not finished such as "5.") wait for Enter.
 */
const shownWhileTyping = new Set<AmountCode>([
  'amount_negative',
  'amount_separator',
  'amount_decimals',
  'amount_too_large',
])
const finishable = /^[0-9.\s]*$/

/** Hint is a local hint under a field: an i18n key with its parameters. */
export interface Hint {
  field: PayField
  key: string
  params?: Record<string, unknown>
}

/** usePayEntry holds one amount + code entry; its hints are i18n keys, shown with hintText. */
export function usePayEntry() {
  const pay = usePayStore()
  const session = useSessionStore()
  const amount = ref('')
  const origin = ref<AmountOrigin>('manual')
  const code = ref('')
  const codeFromBox = ref(false)
  /** order is the cashier software's order number while the amount is the one its POS API sent. */
  const order = ref('')
  const hint = ref<Hint | null>(null)
  /** normalized is set when full-width input was turned into the ASCII amount shown. */
  const normalized = ref(false)
  const source = computed(() => paySource(origin.value, codeFromBox.value))
  const limit = computed(() => session.terminal?.payLimit || 0)

  function settle(field: PayField): void {
    if (hint.value?.field === field) hint.value = null
    pay.clearFieldError(field)
  }

  /** clear empties the entry (after a payment or when the dialog is left). */
  function clear(): void {
    amount.value = ''
    origin.value = 'manual'
    order.value = ''
    code.value = ''
    codeFromBox.value = false
    hint.value = null
    normalized.value = false
  }

  /** clearCode empties the code only (after a decline: the customer pays with another app). */
  function clearCode(): void {
    code.value = ''
    codeFromBox.value = false
  }

  /** detected takes an amount read from the cashier software; false when it was not taken. */
  function detected(a: AmountDetected): boolean {
    if (pay.busy || !(a.amount > 0)) return false
    amount.value = formatFen(a.amount)
    origin.value = detectedOrigin(a)
    order.value = origin.value === 'pos' ? (a.order ?? '') : ''
    normalized.value = false
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

  /** typeAmount keeps what was typed; only full-width digits and points become ASCII, visibly. */
  function typeAmount(v: string): void {
    const before = amount.value
    amount.value = normalizeAmountInput(v)
    // The note stays while the cashier edits a converted amount; a new amount starts without it.
    const edited = before !== '' && (amount.value.startsWith(before) || before.startsWith(amount.value))
    normalized.value = amount.value !== v || (normalized.value && edited)
    origin.value = 'manual'
    order.value = ''
    settle('amount')
    const h = amountHint(amount.value, limit.value)
    if (h && (shownWhileTyping.has(h) || !finishable.test(amount.value))) setAmountHint(h)
  }

  function setAmountHint(h: AmountCode): void {
    hint.value = {
      field: 'amount',
      key: `errors.${h}`,
      params: { limit: formatFen(limit.value || 5_000_000) },
    }
  }

  function typeCode(v: string): void {
    code.value = v.replace(/\s+/g, '')
    codeFromBox.value = false
    settle('code')
  }

  /** checkAmount hints at a missing or bad amount; true when it is fine. */
  function checkAmount(): boolean {
    const h = amountHint(amount.value, limit.value)
    if (h) setAmountHint(h)
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
    return hint.value?.field === field ? i18n.global.t(hint.value.key, hint.value.params ?? {}) : ''
  }

  return {
    amount,
    origin,
    order,
    code,
    codeFromBox,
    hint,
    normalized,
    source,
    clear,
    clearCode,
    detected,
    scanned,
    typeAmount,
    typeCode,
    checkAmount,
    check,
    hintText,
  }
}
