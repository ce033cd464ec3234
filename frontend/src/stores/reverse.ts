// 交易撤销 / 交易退货 (manual §6): one reversal at a time, with the original trade looked up.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { AppError, toAppError } from '../api/errors'
import { onEvent } from '../api/runtime'
import { tradeApi } from '../api/trades'
import type { PayProgress, Trade } from '../api/types'
import { Events } from '../consts/events'
import { outcomeOf } from './pay'
import { matchesNo, type ReverseField, type ReverseForm, type ReverseKind } from '../utils/reverse'

/** ReversePhase is what the result panel shows. */
export type ReversePhase = 'idle' | 'working' | 'success' | 'failed' | 'pending'

/** LookupState is where finding the original trade stands. */
export type LookupState = 'idle' | 'loading' | 'found' | 'missing' | 'error'

/** reverseFieldOf says which form field a rejected reversal should be fixed in, if any. */
export function reverseFieldOf(err: AppError): ReverseField | null {
  if (err.code === 'admin_password' || err.field === 'adminPassword' || err.field === 'password')
    return 'password'
  if (err.code.startsWith('amount_') || err.field === 'amount') return 'amount'
  if (err.code === 'not_found' || err.field === 'tradeNo') return 'tradeNo'
  return null
}

export const useReverseStore = defineStore('reverse', () => {
  const phase = ref<ReversePhase>('idle')
  const kind = ref<ReverseKind>('cancel')
  const result = ref<Trade | null>(null)
  const error = ref<AppError | null>(null)
  const fieldError = ref<{ field: ReverseField; error: AppError } | null>(null)
  const progress = ref<PayProgress | null>(null)
  const startedAt = ref(0)
  const orig = ref<Trade | null>(null)
  const lookupState = ref<LookupState>('idle')
  const lookupError = ref<AppError | null>(null)
  /** The number the last lookup was for. */
  const lookupNo = ref('')
  /** A trade handed over from a 交易查询 row (any day), used before asking the platform. */
  const handed = ref<Trade | null>(null)
  let lookupSeq = 0

  const busy = computed(() => phase.value === 'working')

  onEvent<PayProgress>(Events.PayProgress, (p) => {
    if (phase.value === 'working') progress.value = p
  })

  /** handOver remembers the row's trade so the form can show it without a lookup. */
  function handOver(t: Trade): void {
    handed.value = t
  }

  /**
   * lookup finds the trade a number names (reqsn or trxid, any day the user may see): the
   * handed-over row, else TradeService.Lookup; not_found shows as missing. fresh skips the row.
   */
  async function lookup(no: string, fresh = false): Promise<void> {
    const seq = ++lookupSeq
    const n = no.trim()
    lookupNo.value = n
    lookupError.value = null
    if (!n) {
      orig.value = null
      lookupState.value = 'idle'
      return
    }
    if (!fresh && handed.value && matchesNo(handed.value, n)) {
      orig.value = handed.value
      lookupState.value = 'found'
      return
    }
    lookupState.value = 'loading'
    try {
      const t = await tradeApi.lookup(n)
      if (seq !== lookupSeq) return
      orig.value = t && matchesNo(t, n) ? t : null
      lookupState.value = orig.value ? 'found' : 'missing'
    } catch (e) {
      if (seq !== lookupSeq) return
      orig.value = null
      const err = toAppError(e)
      lookupError.value = err.code === 'not_found' ? null : err
      lookupState.value = err.code === 'not_found' ? 'missing' : 'error'
    }
  }

  /** reset clears the result panel (e.g. when switching between 撤销 and 退货). */
  function reset(k: ReverseKind): void {
    if (busy.value) return
    kind.value = k
    phase.value = 'idle'
    result.value = null
    error.value = null
    fieldError.value = null
    progress.value = null
  }

  /** submit sends the reversal; the outcome says what the form should do next. */
  async function submit(
    k: ReverseKind,
    f: ReverseForm,
  ): Promise<'ignored' | 'result' | 'error' | ReverseField> {
    if (busy.value) return 'ignored'
    reset(k)
    phase.value = 'working'
    startedAt.value = Date.now()
    const no = f.tradeNo.trim()
    try {
      const t =
        k === 'cancel'
          ? await tradeApi.cancel(no, f.password)
          : await tradeApi.refund(no, f.amount.trim(), f.password)
      result.value = t
      phase.value = outcomeOf(t.status)
      return 'result'
    } catch (e) {
      const err = toAppError(e)
      const field = reverseFieldOf(err)
      if (field) {
        fieldError.value = { field, error: err }
        phase.value = 'idle'
        return field
      }
      error.value = err
      phase.value = 'failed'
      return err.code === 'pay_failed' ? 'result' : 'error'
    } finally {
      void refreshOrig(no)
    }
  }

  /** refreshOrig reloads the original after every reversal attempt, so its status, 已退金额 and 可退金额 are current. */
  async function refreshOrig(no: string): Promise<void> {
    await lookup(no, true)
    if (orig.value && handed.value && matchesNo(handed.value, no)) handed.value = orig.value
  }

  function clearFieldError(field: ReverseField): void {
    if (fieldError.value?.field === field) fieldError.value = null
  }

  return {
    phase,
    kind,
    result,
    error,
    fieldError,
    progress,
    startedAt,
    orig,
    lookupState,
    lookupError,
    lookupNo,
    busy,
    handOver,
    lookup,
    reset,
    submit,
    clearFieldError,
  }
})
