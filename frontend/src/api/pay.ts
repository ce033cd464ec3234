// PayService: charge a payment code (manual §4).
import * as P from '../../wailsjs/go/services/PayService'
import { call } from './bridge'
import type { Trade } from './types'

export const payApi = {
  /** pay sends the amount as typed (yuan text; Go parses it) and blocks until final or pending. */
  pay: (amount: string, authCode: string, source = 'manual') =>
    call<Trade>(() => P.Pay(amount, authCode, source)),
  /** cancel is 撤销本笔: close the payment pay() is waiting for; its outcome still comes from pay(). */
  cancel: () => call<void>(() => P.Cancel()),
  pending: () => call<Trade[] | null>(() => P.Pending()),
}
