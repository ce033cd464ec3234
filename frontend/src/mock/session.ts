// SessionService of the browser-preview stand-in; dev only.
import { demoMerchant, stores, testCodes } from './data'
import { fail, sendSms, sleep, strip, type MockState } from './state'
import { passwordBounds, passwordProblem } from '../utils/password'

/** sessionService mirrors SessionService over the preview state. */
export function sessionService(s: MockState) {
  const storeName = (id: number) => stores.find((x) => x.id === id)?.name ?? ''
  return {
    State: async () => structuredClone(s.app),
    Demo: async () => ({
      enabled: true,
      merchantNo: demoMerchant,
      lastSms: s.sms.code,
      lastSmsText: `验证码为 ${s.sms.code}`,
      lastSmsAt: s.sms.at || null,
      testCodes,
    }),
    RequestInitCode: async (m: string) => {
      if (!/^\d{6,20}$/.test(m)) return fail('invalid_input', '商户号须为 6–20 位数字', 'merchantNo')
      if (m !== demoMerchant) return fail('merchant_unknown', '商户号不存在，请核对后重新输入', 'merchantNo')
      return sendSms(s)
    },
    VerifyInitCode: async (_m: string, c: string) =>
      c === s.sms.code ? { token: 'grant', stores } : fail('sms_invalid', '短信验证码错误', 'code'),
    CompleteInit: async (_g: string, storeId: number) => {
      Object.assign(s.terminal, { storeId, storeName: storeName(storeId) })
      Object.assign(s.app, { initialized: true, terminal: s.terminal })
      s.cashiers[0].password = '1111111'
      return { ...s.terminal, token: 'tok' }
    },
    Login: async (a: string, p: string) => {
      await sleep(300)
      if (a === '09')
        return fail('bound_elsewhere', '该账号已在终端 T0002 上登录，请先在该终端退出登录后再试')
      if (a === '08') return fail('account_locked', '密码错误次数过多，账号已锁定，请 15 分钟后再试')
      const c = s.cashiers.find((x) => x.account === a)
      if (!c || c.password !== p) return fail('login_failed', '账号或密码错误')
      s.app.profile = strip(c)
      return strip(c)
    },
    Logout: async () => void (s.app.profile = null),
    Me: async () => s.app.profile,
    ChangePassword: async (o: string, n: string) => {
      const c = s.cashiers.find((x) => x.account === s.app.profile?.account)!
      if (c.password !== o) return fail('login_failed', '旧密码错误', 'oldPassword')
      const problem = passwordProblem(n, c.account, o)
      if (problem) return fail(problem, '新密码不符合规则', 'newPassword', passwordBounds)
      c.password = n
    },
    RequestStoreChangeCode: async () => sendSms(s),
    VerifyStoreChangeCode: async (c: string) =>
      c === s.sms.code ? { token: 'grant2', stores } : fail('sms_invalid', '短信验证码错误', 'code'),
    ChangeStore: async (_g: string, id: number) => ({
      ...Object.assign(s.terminal, { storeId: id, storeName: storeName(id) }),
    }),
    ForgetTerminal: async () =>
      void Object.assign(s.app, { initialized: false, terminal: null, profile: null }),
  }
}
