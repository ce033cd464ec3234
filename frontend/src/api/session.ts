// SessionService: initialisation, login, profile, store change (manual §1–3).
import * as S from '../../wailsjs/go/services/SessionService'
import { call } from './bridge'
import type { AppState, DemoInfo, Grant, Profile, SMSChallenge, TerminalInfo } from './types'

export const sessionApi = {
  state: () => call<AppState>(() => S.State()),
  demo: () => call<DemoInfo>(() => S.Demo()),
  requestInitCode: (merchantNo: string) => call<SMSChallenge>(() => S.RequestInitCode(merchantNo)),
  verifyInitCode: (merchantNo: string, code: string) => call<Grant>(() => S.VerifyInitCode(merchantNo, code)),
  completeInit: (grantToken: string, storeId: number) =>
    call<TerminalInfo>(() => S.CompleteInit(grantToken, storeId)),
  login: (account: string, password: string) => call<Profile>(() => S.Login(account, password)),
  logout: () => call<void>(() => S.Logout()),
  me: () => call<Profile>(() => S.Me()),
  changePassword: (oldPassword: string, newPassword: string, confirm: string) =>
    call<void>(() => S.ChangePassword(oldPassword, newPassword, confirm)),
  requestStoreChangeCode: () => call<SMSChallenge>(() => S.RequestStoreChangeCode()),
  verifyStoreChangeCode: (code: string) => call<Grant>(() => S.VerifyStoreChangeCode(code)),
  changeStore: (grantToken: string, storeId: number) =>
    call<TerminalInfo>(() => S.ChangeStore(grantToken, storeId)),
  forgetTerminal: () => call<void>(() => S.ForgetTerminal()),
}
