// 副收款界面 (manual §4.2): the quick-pay dialog's amount and code, where each came from, and the
// keyboard rules (Enter confirms, Esc returns); the payment itself runs through the pay store.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { AmountDetected, WindowModeEvent } from '../api/types'
import { usePayEntry, type AmountOrigin } from '../composables/usePayEntry'
import { ownerKey, usePayStore } from './pay'
import { useSessionStore } from './session'

export { paySource, type AmountOrigin } from '../composables/usePayEntry'

/** resultSeconds is how long a result stays in the dialog before it returns. */
export const resultSeconds = 3

/** QuickKey is what a key press in the dialog does. */
export type QuickKey = 'confirm' | 'next' | 'back' | 'dismiss' | null

/**
 * quickKey decides a key press: Esc returns; while a result shows, Enter dismisses it; Enter in
 * the amount with no code yet moves to the code; otherwise Enter confirms. Ignored while paying.
 */
export function quickKey(
  key: string,
  s: { busy: boolean; showingResult: boolean; field: 'amount' | 'code' | null; hasCode: boolean },
): QuickKey {
  if (s.busy) return null
  if (key === 'Escape') return 'back'
  if (key !== 'Enter') return null
  if (s.showingResult) return 'dismiss'
  if (s.field === 'amount' && !s.hasCode) return 'next'
  return 'confirm'
}

export const useQuickPayStore = defineStore('quickpay', () => {
  const pay = usePayStore()
  const entry = usePayEntry()
  const lastDetected = ref<AmountOrigin>('ocr')
  const session = useSessionStore()
  // What was entered belongs to the cashier and store it was entered for.
  watch(
    () => ownerKey(session),
    () => {
      if (!pay.busy) entry.clear()
    },
  )

  /** detected takes an amount read from the cashier software and remembers its source. */
  function detected(a: AmountDetected): void {
    if (entry.detected(a) && entry.origin.value !== 'pos') lastDetected.value = entry.origin.value
  }

  /** seed fills the dialog from the window:mode that opened it. */
  function seed(e: WindowModeEvent | null): void {
    if (!e || pay.busy) return
    if (e.amount && e.amount > 0)
      detected({ amount: e.amount, source: e.source ?? lastDetected.value, order: e.order })
    if (e.code) entry.scanned({ code: e.code })
  }

  return { ...entry, detected, seed }
})
