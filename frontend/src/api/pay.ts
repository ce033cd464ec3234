// PayService: charge a payment code (manual §4).
import * as P from '../../wailsjs/go/services/PayService'
import * as POS from '../../wailsjs/go/services/PosService'
import { call } from './bridge'
import type { Trade } from './types'

export const payApi = {
  /** pay sends the amount as typed (yuan text; Go parses it) and blocks until final or pending. */
  pay: (amount: string, authCode: string, source = 'manual') =>
    call<Trade>(() => P.Pay(amount, authCode, source)),
  /** payOrder charges the code for the cashier software's order (POS API), at the order's own amount. */
  payOrder: (order: string, authCode: string) => call<Trade>(() => POS.PayOrder(order, authCode)),
  /** cancel is 撤销本笔: close the payment pay() is waiting for; its outcome still comes from pay(). */
  cancel: () => call<void>(() => P.Cancel()),
  pending: () => call<Trade[] | null>(() => P.Pending()),
}
