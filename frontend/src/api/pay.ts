// PayService: charge a payment code (manual §4).
import * as P from '../../wailsjs/go/services/PayService'
import * as POS from '../../wailsjs/go/services/PosService'
import { call } from './bridge'
import type { Trade } from './types'

export const payApi = {
  /** pay sends the amount as typed (yuan text; Go parses it) and blocks until final or pending. */
  pay: (amount: string, authCode: string, source = 'manual', order = '') =>
    call<Trade>(() =>
      // An order of the cashier software (POS API) is paid at the order's own amount, by its number.
      source === 'pos' && order ? POS.PayOrder(order, authCode) : P.Pay(amount, authCode, source),
    ),
  /** cancel is 撤销本笔: close the payment pay() is waiting for; its outcome still comes from pay(). */
  cancel: () => call<void>(() => P.Cancel()),
  pending: () => call<Trade[] | null>(() => P.Pending()),
}
