// PayService: charge a payment code (manual §4).
import { call } from './bridge'
import type { Trade } from './types'

const S = 'PayService'

export const payApi = {
  /** pay sends the amount as typed (yuan text; Go parses it) and blocks until final or pending. */
  pay: (amount: string, authCode: string, source = 'manual') => call<Trade>(S, 'Pay', amount, authCode, source),
  pending: () => call<Trade[] | null>(S, 'Pending'),
}
