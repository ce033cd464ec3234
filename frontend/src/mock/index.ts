// Browser-preview stand-in for the Go bound services (npx vite with VITE_XTF_MOCK=1). It follows
// the contract in notes/services.md closely enough to look at every screen; it is never built
// into the app and no test relies on it. ?mock=login or ?mock=main picks the starting state.
import type { AppState, CashierFilter, CashierInput, PayProgress, Trade, TradeFilter } from '../api/types'
import { demoMerchant, makeTrade, seedCashiers, seedNotices, seedTrades, stores, testCodes } from './data'
import { emit, runtimeStub } from './runtime'
import { today } from '../utils/time'

const fail = (code: string, message: string, field?: string, params?: Record<string, unknown>) =>
  Promise.reject({ code, message, field, params })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function build() {
  const start = new URLSearchParams(location.search).get('mock') ?? 'init'
  const cashiers = seedCashiers()
  const notices = seedNotices()
  const trades = seedTrades()
  let lastSms = ''
  let lastSmsAt = ''
  let captcha = ''
  let paying = false
  const settings = { mode: 'embedded', serverUrl: '' }
  const terminal = { termNo: 'T0001', merchantNo: demoMerchant, merchantName: '通联演示商户', storeId: 1, storeName: stores[0].name, payLimit: 5000000 }
  const st: AppState = {
    mode: 'embedded',
    serverUrl: '',
    initialized: start !== 'init',
    terminal: start !== 'init' ? terminal : null,
    profile: start === 'main' ? strip(cashiers[0]) : null,
    demo: true,
  }
  function strip(c: (typeof cashiers)[number]) {
    const { password: _pw, ...p } = c
    return p
  }
  function sms() {
    lastSms = String(Math.floor(100000 + Math.random() * 900000))
    lastSmsAt = new Date().toISOString()
    return { maskedPhone: '138****8000', resendAfter: 60, expiresIn: 300 }
  }
  function channelOf(code: string) {
    if (/^1[0-5]\d{16}$/.test(code)) return 'wechat'
    if (/^(2[5-9]|30)\d{14,22}$/.test(code)) return 'alipay'
    if (/^62\d{17}$/.test(code)) return 'unionpay'
    return ''
  }
  async function progress(t: Trade, seconds: number) {
    for (let i = 1; i <= seconds * 2; i++) {
      await sleep(500)
      const p: PayProgress = { tradeId: t.id, reqsn: t.reqsn, status: 'pending', queries: Math.floor(i / 4), elapsedMs: i * 500 }
      emit('pay:progress', p)
    }
  }
  async function pay(amount: string, code: string, source: string): Promise<Trade> {
    if (!/^\d+(\.\d{0,2})?$/.test(amount)) return fail('amount_invalid', amount ? '金额格式不正确，请输入如 12.50 的数字' : '请输入金额')
    const fen = Math.round(Number(amount) * 100)
    if (fen === 0) return fail('amount_zero', '金额必须大于 0')
    if (fen > terminal.payLimit) return fail('amount_too_large', '金额超过单笔限额 50000.00 元', undefined, { limit: '50000.00' })
    if (!code) return fail('paycode_invalid', '请扫描或输入付款码')
    const channel = channelOf(code)
    if (!channel) return fail('paycode_invalid', '无效的付款码，请让顾客刷新后重新出示')
    if (paying) return fail('pay_in_flight', '上一笔收款尚未完成')
    paying = true
    try {
      const t = makeTrade({ amount: fen, channel, source, codeMasked: '****' + code.slice(-4), cashier: st.profile?.account ?? '01', status: 'pending' })
      trades.unshift(t)
      const tail = code.slice(-2)
      if (tail === '90' || tail === '97') await progress(t, 4)
      else if (tail === '91' || tail === '93') await progress(t, 8)
      else await sleep(700)
      t.status = tail === '92' || tail === '97' ? 'failed' : tail === '91' ? 'closed' : tail === '93' ? 'unknown' : 'success'
      t.errmsg = tail === '92' ? '余额不足' : tail === '97' ? '交易失败，请顾客重新付款' : tail === '91' ? '顾客未完成支付，订单已关闭' : ''
      emit('pay:result', { ...t })
      // Like Go: a declined payment rejects with the acquirer's reason.
      if (t.status === 'failed') return fail('pay_failed', t.errmsg)
      return { ...t }
    } finally {
      paying = false
    }
  }
  function listTrades(f: TradeFilter) {
    let list = trades.filter((t) => (!f.kind || t.kind === f.kind) && (!f.status || t.status === f.status))
    if (f.tradeNo) list = list.filter((t) => t.reqsn.endsWith(f.tradeNo) || t.trxid.endsWith(f.tradeNo))
    if (f.day && f.day !== today()) list = []
    return { trades: list.slice(f.offset, f.offset + f.limit), total: list.length }
  }
  function listCashiers(f: CashierFilter) {
    return cashiers
      .filter((c) => c.account.includes(f.account) && c.name.includes(f.name) && c.phone.includes(f.phone))
      .map(strip)
  }
  function validCashier(i: CashierInput, adding: boolean) {
    if (adding && !/^[A-Za-z0-9]{2,20}$/.test(i.account)) return fail('invalid_input', '登录账号须为 2–20 位字母或数字', 'account')
    if (adding && cashiers.some((c) => c.account === i.account)) return fail('conflict', `登录账号 ${i.account} 已存在`, 'account')
    if (i.phone && !/^1[3-9]\d{9}$/.test(i.phone)) return fail('invalid_input', '手机号格式不正确，应为 11 位大陆手机号（1 开头）', 'phone')
    return null
  }
  return {
    SessionService: {
      State: async () => structuredClone(st),
      Demo: async () => ({ enabled: true, merchantNo: demoMerchant, lastSms, lastSmsAt, testCodes }),
      RequestInitCode: async (m: string) => {
        if (!/^\d{6,20}$/.test(m)) return fail('invalid_input', '商户号须为 6–20 位数字', 'merchantNo')
        if (m !== demoMerchant) return fail('not_found', '商户号不存在，请核对后重新输入', 'merchantNo')
        return sms()
      },
      VerifyInitCode: async (_m: string, c: string) => (c === lastSms ? { token: 'grant', stores } : fail('sms_invalid', '短信验证码错误', 'code')),
      CompleteInit: async (_g: string, storeId: number) => {
        Object.assign(terminal, { storeId, storeName: stores.find((s) => s.id === storeId)?.name ?? '' })
        st.initialized = true
        st.terminal = terminal
        cashiers[0].password = '1111111'
        return { ...terminal, token: 'tok' }
      },
      Login: async (a: string, p: string) => {
        await sleep(300)
        if (a === '09') return fail('bound_elsewhere', '该账号已在终端 T0002 上登录，请先在该终端退出登录后再试')
        if (a === '08') return fail('account_locked', '密码错误次数过多，账号已锁定，请 15 分钟后再试')
        const c = cashiers.find((x) => x.account === a)
        if (!c || c.password !== p) return fail('login_failed', '账号或密码错误')
        st.profile = strip(c)
        return strip(c)
      },
      Logout: async () => void (st.profile = null),
      Me: async () => st.profile,
      ChangePassword: async (o: string, n: string) => {
        const c = cashiers.find((x) => x.account === st.profile?.account)!
        if (c.password !== o) return fail('login_failed', '旧密码错误', 'oldPassword')
        if (n.length < 8 || !/\d/.test(n) || !/[A-Za-z]/.test(n)) return fail('weak_password', '新密码不符合规则', 'newPassword', { min: 8, max: 20 })
        c.password = n
      },
      RequestStoreChangeCode: async () => sms(),
      VerifyStoreChangeCode: async (c: string) => (c === lastSms ? { token: 'grant2', stores } : fail('sms_invalid', '短信验证码错误', 'code')),
      ChangeStore: async (_g: string, id: number) => {
        Object.assign(terminal, { storeId: id, storeName: stores.find((s) => s.id === id)?.name ?? '' })
        return { ...terminal }
      },
      ForgetTerminal: async () => {
        st.initialized = false
        st.terminal = null
        st.profile = null
      },
    },
    SettingsService: {
      Get: async () => ({ ...settings, runningMode: 'embedded', runningServerUrl: '', restartRequired: settings.mode !== 'embedded' }),
      Save: async (v: { mode: string; serverUrl: string }) => {
        if (v.mode === 'remote' && !/^https?:\/\/\S+$/.test(v.serverUrl)) return fail('invalid_input', '服务器地址必须是 http:// 或 https:// 开头的网址', 'serverUrl')
        Object.assign(settings, v)
      },
    },
    PayService: { Pay: pay, Pending: async () => trades.filter((t) => t.status === 'unknown') },
    TradeService: {
      List: async (f: TradeFilter) => listTrades(f),
      Stats: async (day: string) => {
        const ok = trades.filter((t) => t.status === 'success')
        const sum = (k: string) => ok.filter((t) => t.kind === k).reduce((a, t) => a + t.amount, 0)
        const count = (k: string) => ok.filter((t) => t.kind === k).length
        const pay = sum('pay')
        const back = sum('cancel') + sum('refund')
        return { day, storeName: terminal.storeName, payCount: count('pay'), payAmount: pay, cancelCount: count('cancel'),
          cancelAmount: sum('cancel'), refundCount: count('refund'), refundAmount: sum('refund'), netAmount: pay - back,
          byChannel: ['wechat', 'alipay', 'unionpay'].map((c) => {
            const l = ok.filter((t) => t.kind === 'pay' && t.channel === c)
            return { channel: c, count: l.length, amount: l.reduce((a, t) => a + t.amount, 0) }
          }),
          byHour: ok.filter((t) => t.kind === 'pay').reduce((acc, t) => {
            const h = (new Date(t.createdAt).getUTCHours() + 8) % 24
            const e = acc.find((x) => x.hour === h) ?? acc[acc.push({ hour: h, count: 0, amount: 0 }) - 1]
            e.count += 1
            e.amount += t.amount
            return acc
          }, [] as { hour: number; count: number; amount: number }[]) }
      },
    },
    NoticeService: {
      List: async (limit: number) => notices.slice(0, limit).map(({ body: _b, ...n }) => n),
      Read: async (id: number) => {
        const n = notices.find((x) => x.id === id)
        if (!n) return fail('not_found', '公告不存在')
        n.read = true
        return { ...n }
      },
    },
    CashierService: {
      List: async (f: CashierFilter) => listCashiers(f),
      Add: async (i: CashierInput, confirm: string) => {
        const bad = validCashier(i, true)
        if (bad) return bad
        if (confirm !== i.password) return fail('invalid_input', '两次输入的密码不一致', 'confirm')
        const c = { ...i, role: 'cashier', passwordChanged: false }
        cashiers.push(c)
        return strip(c)
      },
      Update: async (a: string, i: CashierInput) => {
        const bad = validCashier(i, false)
        if (bad) return bad
        const c = cashiers.find((x) => x.account === a)!
        Object.assign(c, { name: i.name, phone: i.phone, remark: i.remark })
        return strip(c)
      },
      NewCaptcha: async () => {
        captcha = Math.random().toString(36).slice(2, 6).toUpperCase()
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="36"><rect width="100" height="36" fill="#eef3f8"/><text x="14" y="26" font-size="22" font-family="monospace" fill="#345" letter-spacing="6">${captcha}</text></svg>`
        return { id: 'c1', image: 'data:image/svg+xml;base64,' + btoa(svg) }
      },
      ResetPassword: async (a: string, _id: string, ans: string) => {
        if (ans.toUpperCase() !== captcha) return fail('captcha_invalid', '图片验证码错误', 'captcha')
        cashiers.find((x) => x.account === a)!.password = '1111111'
      },
      Delete: async (a: string) => {
        if (a === '01') return fail('forbidden', '不能删除管理员账号')
        cashiers.splice(cashiers.findIndex((x) => x.account === a), 1)
      },
    },
  }
}

/** installMock puts the stand-in services and runtime on window. */
export function installMock(): void {
  const w = window as unknown as Record<string, unknown>
  if (w.go) return
  w.go = { services: build() }
  w.runtime = runtimeStub
  console.info('[xtf] mock services installed')
}
