// CashierService: the admin's cashier management (manual §8.5).
import { call } from './bridge'
import type { Captcha, CashierFilter, CashierInput, Profile } from './types'

const S = 'CashierService'

export const cashierApi = {
  list: (f: CashierFilter) => call<Profile[] | null>(S, 'List', f),
  add: (input: CashierInput, confirm: string) => call<Profile>(S, 'Add', input, confirm),
  update: (account: string, input: CashierInput) => call<Profile>(S, 'Update', account, input),
  newCaptcha: () => call<Captcha>(S, 'NewCaptcha'),
  resetPassword: (account: string, captchaId: string, answer: string) =>
    call<void>(S, 'ResetPassword', account, captchaId, answer),
  remove: (account: string) => call<void>(S, 'Delete', account),
}
