// How a trade reads in lists: signed amount, type name, status colour.
import type { Trade } from '../api/types'

/** signedAmount is the amount as the ledger shows it: voids and refunds are negative. */
export function signedAmount(t: Pick<Trade, 'kind' | 'amount'>): number {
  return t.kind === 'refund' || t.kind === 'cancel' ? -Math.abs(t.amount) : t.amount
}

/** tradeTypeKey is the i18n key of the 交易类型 column (微信支付, 扫码撤销, …). */
export function tradeTypeKey(t: Pick<Trade, 'kind' | 'channel'>): string {
  if (t.kind === 'cancel' || t.kind === 'refund') return `tradeType.${t.kind}`
  const ch = ['wechat', 'alipay', 'unionpay'].includes(t.channel) ? t.channel : 'unknown'
  return `tradeType.pay.${ch}`
}

/**
 * Standing is where a payment stands for reversals, from its status and refunded sum: open
 * (paid, nothing returned), partly or fully refunded, cancelled (voided), unpaid (failed or
 * closed: nothing was charged), unsettled (still being resolved), or notPay (a void or refund).
 */
export type Standing =
  'open' | 'partlyRefunded' | 'fullyRefunded' | 'cancelled' | 'unpaid' | 'unsettled' | 'notPay'

/** standing derives a trade's Standing from its current status and refunded sum. */
export function standing(t: Pick<Trade, 'kind' | 'status' | 'amount' | 'refundedAmount'>): Standing {
  if (t.kind !== 'pay') return 'notPay'
  switch (t.status) {
    case 'success': {
      const back = t.refundedAmount || 0
      if (back <= 0) return 'open'
      return back >= t.amount ? 'fullyRefunded' : 'partlyRefunded'
    }
    case 'cancelled':
      return 'cancelled'
    case 'failed':
    case 'closed':
      return 'unpaid'
    default:
      return 'unsettled'
  }
}

/** statusKey is the i18n key of the 交易状态 column: 部分退货 / 已全额退货 for refunded payments. */
export function statusKey(t: Pick<Trade, 'kind' | 'status' | 'amount' | 'refundedAmount'>): string {
  const s = standing(t)
  if (s === 'partlyRefunded' || s === 'fullyRefunded') return `standing.${s}`
  return `status.${t.status}`
}

/** statusTagType picks the Element Plus tag colour of a trade status. */
export function statusTagType(status: string): 'success' | 'danger' | 'warning' | 'info' | 'primary' {
  switch (status) {
    case 'success':
      return 'success'
    case 'failed':
      return 'danger'
    case 'unknown':
    case 'pending':
    case 'closing':
    case 'sent':
    case 'created':
      return 'warning'
    default:
      return 'info'
  }
}

/** tradeStatuses are the 交易状态 filter options, in the order a person looks for them. */
export const tradeStatuses = ['success', 'failed', 'unknown', 'pending', 'closed', 'cancelled'] as const

/** tradeKinds are the 交易类型 filter options. */
export const tradeKinds = ['pay', 'cancel', 'refund'] as const

/** tradeChannels are the 支付方式 filter options. */
export const tradeChannels = ['wechat', 'alipay', 'unionpay'] as const
