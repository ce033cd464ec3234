// CashierService: the admin's cashier management (manual §8.5) and 终端管理.
import * as C from '../../wailsjs/go/services/CashierService'
import { call } from './bridge'
import type { Captcha, CashierFilter, CashierInput, Profile, TerminalRow } from './types'

export const cashierApi = {
  list: (f: CashierFilter) => call<Profile[] | null>(() => C.List(f)),
  add: (input: CashierInput, confirm: string) => call<Profile>(() => C.Add(input, confirm)),
  update: (account: string, input: CashierInput) => call<Profile>(() => C.Update(account, input)),
  newCaptcha: () => call<Captcha>(() => C.NewCaptcha()),
  resetPassword: (account: string, captchaId: string, answer: string) =>
    call<void>(() => C.ResetPassword(account, captchaId, answer)),
  remove: (account: string) => call<void>(() => C.Delete(account)),
  terminals: () => call<TerminalRow[] | null>(() => C.Terminals()),
  revokeTerminal: (termNo: string) => call<void>(() => C.RevokeTerminal(termNo)),
}
