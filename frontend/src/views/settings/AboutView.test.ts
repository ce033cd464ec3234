import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { AboutInfo } from '../../api/types'
import { AppError } from '../../api/errors'

const api = { about: vi.fn(), setAutostart: vi.fn(), exportDiagnostics: vi.fn() }
vi.mock('../../api/system', () => ({
  systemApi: {
    about: (...a: unknown[]) => api.about(...a),
    setAutostart: (...a: unknown[]) => api.setAutostart(...a),
    exportDiagnostics: (...a: unknown[]) => api.exportDiagnostics(...a),
  },
}))

import AboutView from './AboutView.vue'
import { i18n, setLocale } from '../../locales'

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
let wrapper: VueWrapper

async function open(): Promise<void> {
  wrapper = mount(AboutView, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}
const text = (id: string) => wrapper.find(`[data-testid="${id}"]`).text()

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
})
afterEach(() => wrapper?.unmount())

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

  it('exports the diagnostics and shows the self-test by name and status', async () => {
    api.about.mockResolvedValue(info())
    api.exportDiagnostics.mockResolvedValue({
      path: 'D:\\诊断.zip',
      checks: [
        { name: 'printer', status: 'failed', millis: 5000 },
        { name: 'box', status: 'ok', millis: 1 },
        { name: 'hotkeys', status: 'ok', millis: 0 },
        { name: 'screen', status: 'not_configured', millis: 0 },
      ],
    })
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(text('about-check-printer')).toBe('小票打印机异常')
    expect(text('about-check-box')).toBe('扫码盒子串口正常')
    expect(text('about-check-screen')).toBe('截屏区域未配置')
  })

  it('shows a failed export in the user language', async () => {
    api.about.mockResolvedValue(info())
    api.exportDiagnostics.mockRejectedValue(new AppError('diagnostics_failed', 'x'))
    setLocale('en')
    await open()
    await wrapper.find('[data-testid="about-export"]').trigger('click')
    await flushPromises()
    expect(text('about-export-error')).toBe('Could not save the diagnostics; try another folder')
    expect(wrapper.find('[data-testid="about-checks"]').exists()).toBe(false)
  })
})
