import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { AboutInfo, CheckResult, Profile } from '../../api/types'
import { AppError } from '../../api/errors'

const api = {
  about: vi.fn(),
  setAutostart: vi.fn(),
  exportDiagnostics: vi.fn(),
  exportDiagnosticsDownload: vi.fn(),
  cancelExport: vi.fn(),
}
vi.mock('../../api/system', () => ({
  systemApi: {
    about: (...a: unknown[]) => api.about(...a),
    setAutostart: (...a: unknown[]) => api.setAutostart(...a),
    exportDiagnostics: (...a: unknown[]) => api.exportDiagnostics(...a),
    exportDiagnosticsDownload: (...a: unknown[]) => api.exportDiagnosticsDownload(...a),
  },
}))
vi.mock('../../api/trades', () => ({ tradeApi: { cancelExport: () => api.cancelExport() } }))

import AboutView from './AboutView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

const info = (more: Partial<AboutInfo> = {}): AboutInfo => ({
  version: '0.1.0',
  os: 'windows/amd64',
  dataDir: 'C:\\Users\\shop\\AppData\\Roaming\\XiaoTongFu',
  logFile: 'C:\\Users\\shop\\AppData\\Roaming\\XiaoTongFu\\xiaotongfu.log',
  mode: 'remote',
  serverUrl: 'https://xtfd.example.com',
  merchantNo: '660581053990001',
  terminalNo: 'T0003',
  storeName: '一号店',
  autostart: true,
  autostartSupported: true,
  ...more,
})
const checks: CheckResult[] = [
  {
    name: 'printer',
    status: 'failed',
    code: 'printer_unreachable',
    params: { printer: '192.168.1.50:9100' },
    millis: 5,
  },
  { name: 'box', status: 'ok', code: 'box_connected', params: { port: 'COM3' }, millis: 1 },
  { name: 'hotkeys', status: 'ok', millis: 0 },
  { name: 'screen', status: 'not_configured', millis: 0 },
]
let wrapper: VueWrapper

async function open(role: Profile['role'] = 'admin'): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = {
    mode: 'embedded',
    serverUrl: '',
    initialized: true,
    terminal: null,
    demo: false,
    profile: {
      account: role === 'admin' ? '01' : '02',
      name: '',
      phone: '',
      remark: '',
      role,
      passwordChanged: true,
    },
  }
  wrapper = mount(AboutView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}
const text = (id: string) => wrapper.find(`[data-testid="${id}"]`).text()
const messages = () => [...document.querySelectorAll('.el-message')].map((m) => m.textContent ?? '').join('|')
/** inWindow makes the page look like the app's WebView2 window rather than a browser. */
const inWindow = (on: boolean) => {
  const w = window as unknown as { chrome?: unknown }
  if (on) w.chrome = { webview: {} }
  else delete w.chrome
}

const clicked: { name: string; href: string }[] = []
beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
  api.cancelExport.mockResolvedValue(undefined)
  clicked.length = 0
  inWindow(true)
  URL.createObjectURL = vi.fn(() => 'blob:zip')
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href })
  })
})
afterEach(() => {
  wrapper?.unmount()
  document.querySelectorAll('.el-message').forEach((m) => m.remove())
  inWindow(false)
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('AboutView', () => {
  it('shows what a technician asks for', async () => {
    api.about.mockResolvedValue(info())
    await open()
    expect(text('about-version')).toBe('0.1.0')
    expect(text('about-terminal')).toBe('T0003')
    expect(text('about-merchant')).toBe('660581053990001')
    expect(text('about-mode')).toBe('服务器 https://xtfd.example.com')
    expect(text('about-dataDir')).toContain('AppData')
  })

  it('names a terminal that is not initialised yet', async () => {
    api.about.mockResolvedValue(info({ merchantNo: '', terminalNo: '', mode: 'embedded' }))
    await open()
    expect(text('about-terminal')).toBe('未初始化')
    expect(text('about-mode')).toBe('本机')
  })

  it('switches 开机自动启动 and shows what Go saved', async () => {
    api.about.mockResolvedValue(info())
    api.setAutostart.mockResolvedValue(info({ autostart: false }))
    await open()
    await wrapper.find('[data-testid="about-autostart"]').trigger('click')
    await flushPromises()
    expect(api.setAutostart).toHaveBeenCalledWith(false)
    expect(wrapper.find('[data-testid="about-autostart"]').classes()).not.toContain('is-checked')
  })

  it('offers 开机自动启动 only where it exists', async () => {
    api.about.mockResolvedValue(info({ autostart: false, autostartSupported: false, os: 'linux/amd64' }))
    await open()
    expect(wrapper.find('[data-testid="about-autostart"]').classes()).toContain('is-disabled')
    expect(wrapper.text()).toContain('仅 Windows 提供')
  })

  it('a cashier sees 开机自动启动 read-only and cannot switch it', async () => {
    api.about.mockResolvedValue(info())
    await open('cashier')
    const sw = wrapper.find('[data-testid="about-autostart"]')
    expect(sw.classes()).toContain('is-disabled')
    expect(sw.classes()).toContain('is-checked')
    expect(text('about-autostart-note')).toBe('只有管理员可以修改，请管理员登录后修改')
    await sw.trigger('click')
    await flushPromises()
    expect(api.setAutostart).not.toHaveBeenCalled()
  })

  it('in the window saves through the dialog and shows the self-test with its reasons', async () => {
    api.about.mockResolvedValue(info())
    api.exportDiagnostics.mockResolvedValue({ path: 'D:\\诊断.zip', checks })
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(api.exportDiagnosticsDownload).not.toHaveBeenCalled()
    expect(text('about-check-printer')).toContain('小票打印机异常')
    expect(text('about-check-printer-reason')).toBe(
      '无法连接打印机 192.168.1.50:9100，请检查打印机电源、连线和纸张',
    )
    expect(text('about-check-box')).toContain('扫码盒子串口正常')
    expect(text('about-check-box-reason')).toBe('扫码盒子已连接（COM3）')
    expect(text('about-check-screen')).toBe('截屏区域未配置')
    expect(messages()).toContain('D:\\诊断.zip')
  })

  it('in a browser offers the zip as a download and never opens the native dialog', async () => {
    inWindow(false)
    api.about.mockResolvedValue(info())
    api.exportDiagnosticsDownload.mockResolvedValue({
      file: { name: '小通付诊断信息-20261204-1900.zip', data: btoa('PK'), count: 0 },
      checks,
    })
    setLocale('en')
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(api.exportDiagnostics).not.toHaveBeenCalled()
    expect(clicked).toEqual([{ name: '小通付诊断信息-20261204-1900.zip', href: 'blob:zip' }])
    expect(text('about-check-printer-reason')).toBe(
      'Cannot reach the printer 192.168.1.50:9100; check its power, cable and paper',
    )
    expect(messages()).toContain('Diagnostics downloaded: 小通付诊断信息-20261204-1900.zip')
  })

  it('取消 stops the job in Go and frees the screen; a late answer is ignored', async () => {
    api.about.mockResolvedValue(info())
    let answer: (v: unknown) => void = () => {}
    api.exportDiagnostics.mockReturnValue(new Promise((r) => (answer = r)))
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(text('about-export')).toBe('正在自检并导出…')
    await wrapper.find('[data-testid="about-export-cancel"]').trigger('click')
    await flushPromises()
    expect(api.cancelExport).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="about-export-cancel"]').exists()).toBe(false)
    expect(text('about-export')).toBe('导出诊断信息')
    answer({ path: 'D:\\late.zip', checks })
    await flushPromises()
    expect(wrapper.find('[data-testid="about-checks"]').exists()).toBe(false)
  })

  it('gives up after its time limit and says the diagnostics took too long', async () => {
    vi.useFakeTimers()
    api.about.mockResolvedValue(info())
    api.exportDiagnostics.mockReturnValue(new Promise(() => {}))
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    vi.advanceTimersByTime(180_000)
    await flushPromises()
    expect(api.cancelExport).toHaveBeenCalledTimes(1)
    expect(text('about-export')).toBe('导出诊断信息')
    expect(messages()).toContain('设备自检和导出诊断信息超时，请重试')
  })

  it('shows a failed export in the user language', async () => {
    api.about.mockResolvedValue(info())
    api.exportDiagnostics.mockRejectedValue(new AppError('diagnostics_failed', 'x'))
    setLocale('en')
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(messages()).toContain('Could not save the diagnostics; try another folder')
    expect(wrapper.find('[data-testid="about-checks"]').exists()).toBe(false)
  })
})
