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
