// Form rules of 交易撤销 / 交易退货 (manual §6): early hints before Go and the platform decide.
import type { Trade } from '../api/types'
import { amountFen, amountHint, formatFen } from './money'
import { formatDate, today } from './time'
import { standing } from './trade'

/** ReverseKind is 撤销 (cancel: same day, full amount) or 退货 (refund: part or all). */
export type ReverseKind = 'cancel' | 'refund'

/** ReverseField names a form field. */
export type ReverseField = 'amount' | 'password' | 'tradeNo'

/** ReverseForm is what the admin typed. */
export interface ReverseForm {
  amount: string
  password: string
  tradeNo: string
}

/** Hint is an i18n key under reverse.hint with its parameters. */
export interface Hint {
  key: string
  params?: Record<string, unknown>
}

/** tradeNoShape is a reqsn or an Allinpay trxid: letters and digits, at most 32 (platform rule). */
export const tradeNoShape = /^[A-Za-z0-9]{1,32}$/

/** refundable is what is left to refund of a payment, in fen: 0 unless it was paid and not voided. */
export function refundable(t: Pick<Trade, 'kind' | 'status' | 'amount' | 'refundedAmount'>): number {
  const s = standing(t)
  if (s !== 'open' && s !== 'partlyRefunded') return 0
  return Math.max(t.amount - (t.refundedAmount || 0), 0)
}

/** settledKeys are the hints that state a trade's settled fact rather than a mistake. */
const settledKeys = ['cancelled', 'fullyRefunded', 'unpaid']

/** isSettledHint says whether a hint only tells how the trade ended (shown neutral, not red). */
export function isSettledHint(h: Hint): boolean {
  return settledKeys.includes(h.key)
}

/** origProblem says why the looked-up original cannot be reversed this way, if it cannot. */
export function origProblem(kind: ReverseKind, orig: Trade, day = today()): Hint | null {
  switch (standing(orig)) {
    case 'notPay':
      return { key: 'notPay' }
    case 'cancelled':
      return { key: 'cancelled' }
    case 'unpaid':
      return { key: 'unpaid' }
    case 'unsettled':
      return { key: 'notSuccess' }
    case 'fullyRefunded':
      return { key: 'fullyRefunded' }
  }
  if (kind === 'cancel') {
    if (formatDate(orig.createdAt) !== day) return { key: 'cancelToday' }
    if ((orig.refundedAmount || 0) > 0) return { key: 'cancelRefunded' }
  }
  return null
}

/** reverseHints checks the form; orig (when looked up) adds the amount and reversibility rules. */
export function reverseHints(
  kind: ReverseKind,
  f: ReverseForm,
  orig: Trade | null,
  day = today(),
): Partial<Record<ReverseField, Hint>> {
  const out: Partial<Record<ReverseField, Hint>> = {}
  if (kind === 'refund') {
    const h = amountHint(f.amount, Number.MAX_SAFE_INTEGER) // the platform checks it against the payment
    if (h) out.amount = { key: h }
    else if (orig && refundable(orig) > 0) {
      const fen = amountFen(f.amount)
      const left = refundable(orig)
      if (fen !== null && fen > left) out.amount = { key: 'amountOver', params: { left: formatFen(left) } }
    }
  }
  if (!f.password) out.password = { key: 'passwordEmpty' }
  const no = f.tradeNo.trim()
  if (!no) out.tradeNo = { key: 'tradeNoEmpty' }
  else if (!tradeNoShape.test(no)) out.tradeNo = { key: 'tradeNoFormat' }
  else if (orig) {
    const p = origProblem(kind, orig, day)
    if (p) out.tradeNo = p
  }
  return out
}

/** firstField is where the cursor should go: the first field (in form order) with a hint. */
export function firstField(
  kind: ReverseKind,
  hints: Partial<Record<ReverseField, Hint>>,
): ReverseField | null {
  const order: ReverseField[] =
    kind === 'refund' ? ['amount', 'password', 'tradeNo'] : ['password', 'tradeNo']
  return order.find((f) => hints[f]) ?? null
}

/** matchesNo says whether a trade is the one a trade number names (reqsn or trxid, exact). */
export function matchesNo(t: Pick<Trade, 'reqsn' | 'trxid'>, no: string): boolean {
  const n = no.trim()
  return n !== '' && (t.reqsn === n || t.trxid === n)
}
