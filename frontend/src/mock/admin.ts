// CashierService, NoticeService and SettingsService of the browser-preview stand-in; dev only.
import type { CashierFilter, CashierInput } from '../api/types'
import { fail, strip, type MockState } from './state'

function checkCashier(s: MockState, i: CashierInput, adding: boolean) {
  if (adding && !/^[A-Za-z0-9]{2,20}$/.test(i.account))
    return fail('invalid_input', '登录账号须为 2–20 位字母或数字', 'account')
  if (adding && s.cashiers.some((c) => c.account === i.account))
    return fail('conflict', `登录账号 ${i.account} 已存在`, 'account')
  if (i.phone && !/^1[3-9]\d{9}$/.test(i.phone))
    return fail('invalid_input', '手机号格式不正确，应为 11 位大陆手机号（1 开头）', 'phone')
  return null
}

/** cashierService mirrors CashierService. */
export function cashierService(s: MockState) {
  return {
    List: async (f: CashierFilter) =>
      s.cashiers
        .filter((c) => c.account.includes(f.account) && c.name.includes(f.name) && c.phone.includes(f.phone))
        .map(strip),
    Add: async (i: CashierInput, confirm: string) => {
      const bad = checkCashier(s, i, true)
      if (bad) return bad
      if (confirm !== i.password) return fail('invalid_input', '两次输入的密码不一致', 'confirm')
      const c = { ...i, role: 'cashier', passwordChanged: false }
      s.cashiers.push(c)
      return strip(c)
    },
    Update: async (a: string, i: CashierInput) => {
      const bad = checkCashier(s, i, false)
      if (bad) return bad
      const c = s.cashiers.find((x) => x.account === a)!
      Object.assign(c, { name: i.name, phone: i.phone, remark: i.remark })
      return strip(c)
    },
    NewCaptcha: async () => {
      s.captcha = Math.random().toString(36).slice(2, 6).toUpperCase()
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="36"><rect width="100" height="36" fill="#eef3f8"/><text x="14" y="26" font-size="22" font-family="monospace" fill="#345" letter-spacing="6">${s.captcha}</text></svg>`
      return { id: 'c1', image: 'data:image/svg+xml;base64,' + btoa(svg) }
    },
    ResetPassword: async (a: string, _id: string, ans: string) => {
      if (ans.toUpperCase() !== s.captcha) return fail('captcha_invalid', '图片验证码错误', 'captcha')
      s.cashiers.find((x) => x.account === a)!.password = '1111111'
    },
    Delete: async (a: string) => {
      if (a === '01') return fail('admin_undeletable', '管理员账号 01 不能删除', '', { account: a })
      s.cashiers.splice(
        s.cashiers.findIndex((x) => x.account === a),
        1,
      )
    },
  }
}

/** noticeService mirrors NoticeService. */
export function noticeService(s: MockState) {
  return {
    List: async (limit: number) => s.notices.slice(0, limit).map(({ body: _b, ...n }) => n),
    Read: async (id: number) => {
      const n = s.notices.find((x) => x.id === id)
      if (!n) return fail('not_found', '公告不存在')
      n.read = true
      return { ...n }
    },
  }
}

/** reconcileService mirrors ReconcileService: a clean day, nothing open. */
export function reconcileService() {
  const report = (day: string) => ({
    day: day || new Date().toISOString().slice(0, 10),
    status: 'done',
    bankRows: 0,
    localRows: 0,
    matched: 0,
    diffs: [],
    open: 0,
  })
  return {
    Report: async (day: string) => report(day),
    Run: async (day: string) => report(day),
    Open: async () => ({ open: 0 }),
  }
}

/** settingsService mirrors SettingsService. */
export function settingsService(s: MockState) {
  return {
    Get: async () => ({
      ...s.settings,
      runningMode: 'embedded',
      runningServerUrl: '',
      restartRequired: s.settings.mode !== 'embedded',
      access: access(s),
    }),
    Save: async (v: { mode: string; serverUrl: string }, adminPassword: string) => {
      if (v.mode === 'remote' && !/^https?:\/\/\S+$/.test(v.serverUrl))
        return fail('invalid_input', '服务器地址必须是 http:// 或 https:// 开头的网址', 'serverUrl')
      const a = access(s)
      if (a === 'readonly') return fail('admin_only', '只有管理员可以修改')
      const admin = s.cashiers.find((c) => c.account === '01')
      if (a === 'password' && adminPassword !== admin?.password)
        return fail('admin_password', '管理员密码错误', 'adminPassword')
      Object.assign(s.settings, v)
    },
  }
}

/** access mirrors SettingsView.access: who may change the connection. */
function access(s: MockState): string {
  if (!s.app.initialized) return 'open'
  if (!s.app.profile) return 'password'
  return s.app.profile.role === 'admin' ? 'admin' : 'readonly'
}

/** systemService mirrors SystemService (设置 → 关于); the zip is not written in a preview. */
export function systemService() {
  const info = {
    version: '0.1.0',
    os: 'windows/amd64',
    dataDir: 'C:\\Users\\shop\\AppData\\Roaming\\XiaoTongFu',
    logFile: 'C:\\Users\\shop\\AppData\\Roaming\\XiaoTongFu\\xiaotongfu.log',
    mode: 'embedded',
    merchantNo: '660581053990001',
    terminalNo: 'T0001',
    storeName: '演示一号店',
    autostart: true,
    autostartSupported: true,
  }
  const checks = [
    {
      name: 'printer',
      status: 'failed',
      code: 'printer_unreachable',
      params: { printer: '192.168.1.50:9100' },
      millis: 5,
    },
    { name: 'box', status: 'ok', code: 'box_connected', params: { port: 'COM3' }, millis: 0 },
    { name: 'hotkeys', status: 'ok', millis: 0 },
    { name: 'screen', status: 'not_configured', millis: 0 },
  ]
  return {
    About: async () => ({ ...info }),
    SetAutostart: async (on: boolean) => ({ ...Object.assign(info, { autostart: on }) }),
    ExportDiagnostics: async () => ({ path: 'C:\\Users\\shop\\Desktop\\小通付诊断信息.zip', checks }),
    // The bytes of an empty zip: a preview has no log or devices to put in it.
    ExportDiagnosticsDownload: async () => ({
      file: { name: '小通付诊断信息.zip', data: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', count: 0 },
      checks,
    }),
  }
}
