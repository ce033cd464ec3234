// One payment at a time: the 收款 screen's state machine around PayService.Pay.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { AppError, toAppError } from '../api/errors'
import { payApi } from '../api/pay'
import { onEvent } from '../api/runtime'
import type { PayProgress, Trade } from '../api/types'
import { Events } from '../consts/events'
import { useSessionStore } from './session'

/** PayPhase is what the result panel shows. */
export type PayPhase = 'idle' | 'paying' | 'success' | 'failed' | 'pending'

/** PayField names the form field a rejected payment should be fixed in. */
export type PayField = 'amount' | 'code'

/** outcomeOf maps a trade status to the result panel's phase. */
export function outcomeOf(status: string): Exclude<PayPhase, 'idle' | 'paying'> {
  switch (status) {
    case 'success':
      return 'success'
    case 'failed':
    case 'closed':
    case 'cancelled':
      return 'failed'
    default:
      return 'pending'
  }
}

/** fieldOf says which form field an error belongs to, if any. */
export function fieldOf(err: AppError): PayField | null {
  if (err.code.startsWith('amount_') || err.field === 'amount') return 'amount'
  if (err.code === 'paycode_invalid' || err.field === 'authCode' || err.field === 'code') return 'code'
  return null
}

/** resultFreshMs is how long a result shows as the current one before it fades to 上一笔. */
export const resultFreshMs = 60_000

/**
 * ownerKey names who and where a result belongs to: the terminal, its store and the cashier.
 * A change of any of them (退出登录, another login, 切换门店, re-initialisation) ends the result.
 */
export function ownerKey(s: ReturnType<typeof useSessionStore>): string {
  const t = s.terminal
  return [s.initialized, t?.termNo, t?.storeId, s.profile?.account].join('|')
}

/** PayOutcome tells the form what to do after pay() settles. */
export type PayOutcome = 'ignored' | 'result' | PayField | 'error'

export const usePayStore = defineStore('pay', () => {
  const phase = ref<PayPhase>('idle')
  const trade = ref<Trade | null>(null)
  const error = ref<AppError | null>(null)
  const fieldError = ref<{ field: PayField; error: AppError } | null>(null)
  const progress = ref<PayProgress | null>(null)
  const startedAt = ref(0)
  const requestedAmount = ref('')
  /** cancelling is set once the cashier asked 撤销本笔 for the payment in flight. */
  const cancelling = ref(false)
  /** stale is set when the result is older than resultFreshMs: it shows as 上一笔. */
  const stale = ref(false)
  let staleTimer: ReturnType<typeof setTimeout> | undefined

  const busy = computed(() => phase.value === 'paying')
  /** cancelled: the bank closed the payment the cashier stopped (nothing charged). */
  const cancelled = computed(() => cancelling.value && !busy.value && trade.value?.status === 'closed')

  const session = useSessionStore()
  watch(
    () => ownerKey(session),
    () => {
      if (!busy.value) reset()
    },
  )

  onEvent<PayProgress>(Events.PayProgress, (p) => {
    if (phase.value === 'paying') progress.value = p
  })
  // pay:result carries the trade of every finished attempt. A declined payment rejects with
  // the acquirer's reason and sends its trade only here; a trade that came back pending may
  // be resolved later by the platform's queries.
  let lastResult: Trade | null = null
  onEvent<Trade>(Events.PayResult, (t) => {
    if (phase.value === 'paying') lastResult = t
    else if (phase.value === 'failed' && error.value && !trade.value) trade.value = t
    else if (phase.value === 'pending' && trade.value?.id === t.id) applyTrade(t)
  })

  function applyTrade(t: Trade): void {
    trade.value = t
    phase.value = outcomeOf(t.status)
  }

  /** reset forgets the last result (it belongs to another cashier, store or moment). */
  function reset(): void {
    clearTimeout(staleTimer)
    phase.value = 'idle'
    trade.value = null
    error.value = null
    fieldError.value = null
    progress.value = null
    cancelling.value = false
    stale.value = false
  }

  /** settleLater lets the result fade to 上一笔 after resultFreshMs. */
  function settleLater(): void {
    clearTimeout(staleTimer)
    if (phase.value !== 'idle') staleTimer = setTimeout(() => (stale.value = true), resultFreshMs)
  }

  /**
   * pay charges one payment code. While a payment is in flight every further call is
   * ignored (Enter, a second scan, a double click); Go also refuses a second one.
   */
  async function pay(amount: string, code: string, source = 'manual', order = ''): Promise<PayOutcome> {
    if (busy.value) return 'ignored'
    reset()
    phase.value = 'paying'
    lastResult = null
    startedAt.value = Date.now()
    requestedAmount.value = amount.trim()
    try {
      applyTrade(
        await (source === 'pos' && order
          ? payApi.payOrder(order, code.trim())
          : payApi.pay(amount.trim(), code.trim(), source)),
      )
      return 'result'
    } catch (e) {
      return failed(toAppError(e))
    } finally {
      settleLater()
    }
  }

  /** failed records a rejected payment: a field to fix, a decline, or another error. */
  function failed(err: AppError): PayOutcome {
    const field = fieldOf(err)
    if (field) {
      fieldError.value = { field, error: err }
      phase.value = 'idle'
      return field
    }
    error.value = err
    trade.value = lastResult
    phase.value = 'failed'
    // A decline is a final result like any other; other errors leave the form to retry.
    return err.code === 'pay_failed' ? 'result' : 'error'
  }

  /**
   * cancel is 撤销本笔: Go asks the platform to close the payment in flight. The result still
   * comes from pay() as the bank decides (closed, or paid when the customer was faster).
   */
  async function cancel(): Promise<void> {
    if (!busy.value || cancelling.value) return
    cancelling.value = true
    try {
      await payApi.cancel()
    } catch (e) {
      if (toAppError(e).code !== 'pay_not_in_flight') cancelling.value = false
    }
  }

  /** clearFieldError drops a field hint once the cashier edits that field. */
  function clearFieldError(field: PayField): void {
    if (fieldError.value?.field === field) fieldError.value = null
  }

  return {
    phase,
    trade,
    error,
    fieldError,
    progress,
    startedAt,
    requestedAmount,
    cancelling,
    cancelled,
    stale,
    busy,
    pay,
    cancel,
    reset,
    clearFieldError,
    applyTrade,
  }
})
