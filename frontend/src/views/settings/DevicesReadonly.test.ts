import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Component } from 'vue'
import type { DeviceSettings, Profile } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = {
  settings: vi.fn(),
  boxStatus: vi.fn(),
  saveBox: vi.fn(),
  savePrinter: vi.fn(),
  saveHotkeys: vi.fn(),
}
vi.mock('../../api/devices', () => ({
  deviceApi: {
    settings: () => api.settings(),
    boxStatus: () => api.boxStatus(),
    saveBox: (b: unknown) => api.saveBox(b),
    savePrinter: (p: unknown) => api.savePrinter(p),
    testPrint: () => Promise.resolve(),
    saveHotkeys: (h: unknown) => api.saveHotkeys(h),
    printers: () => Promise.resolve(['POS-58']),
    ports: () => Promise.resolve(['COM3']),
    displays: () => Promise.resolve([]),
  },
}))

import PrintView from './PrintView.vue'
import BoxView from './BoxView.vue'
import HotkeyView from './HotkeyView.vue'
import ScreenView from './ScreenView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

const settings: DeviceSettings = {
  printer: { enabled: true, name: 'POS-58', copies: 1, width: 58 },
  box: {
    enabled: true,
    port: 'COM3',
    baud: 9600,
    dataBits: 8,
    parity: 'none',
    stopBits: '1',
    broadcast: false,
  },
  screen: {
    mode: 'off',
    dual: false,
    display: 0,
    rect: { x: 0, y: 0, w: 0, h: 0 },
    calibrated: false,
    pole: { port: '', baud: 2400, relay: '' },
  },
  hotkeys: {
    quickPay: { keys: 'Ctrl+Shift+P', enabled: true },
    showMain: { keys: 'Ctrl+Shift+M', enabled: true },
    hideFloating: false,
  },
} as DeviceSettings
const person = (role: string): Profile => ({
  account: role === 'admin' ? '01' : '02',
  name: '',
  phone: '',
  remark: '',
  role,
  passwordChanged: true,
})
let wrapper: VueWrapper

async function open(view: Component, role: string): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = {
    mode: 'embedded',
    serverUrl: '',
    initialized: true,
    terminal: null,
    demo: false,
    profile: person(role),
  }
  wrapper = mount(view, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

const screens: [string, Component, string, string][] = [
  ['打印配置', PrintView, 'print-settings', 'print-save'],
  ['盒子配置', BoxView, 'box-settings', 'box-save'],
  ['快捷键配置', HotkeyView, 'hotkey-settings', 'hotkey-save'],
  ['截屏区域配置', ScreenView, 'screen-settings', 'screen-connect'],
]

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
  api.settings.mockResolvedValue(settings)
  api.boxStatus.mockResolvedValue({
    state: 'connected',
    code: 'box_connected',
    params: { port: 'COM3' },
    message: '',
  })
})
afterEach(() => wrapper.unmount())

describe('device settings are the admin’s', () => {
  it.each(screens)('%s: a cashier sees it read-only, with no way to save', async (_n, view, id, save) => {
    await open(view, 'cashier')
    expect(wrapper.get(`[data-testid="${id}-readonly"]`).text()).toBe(i18n.global.t('settings.readonly'))
    expect(wrapper.find(`[data-testid="${save}"]`).exists()).toBe(false)
    const inputs = wrapper.findAll('input')
    expect(inputs.length).toBeGreaterThan(0)
    for (const i of inputs) expect(i.attributes('disabled'), i.html()).toBeDefined()
    await wrapper.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.saveBox).not.toHaveBeenCalled()
    expect(api.saveHotkeys).not.toHaveBeenCalled()
  })

  it.each(screens)('%s: the admin may change it', async (_n, view, id, save) => {
    await open(view, 'admin')
    expect(wrapper.find(`[data-testid="${id}-readonly"]`).exists()).toBe(false)
    expect(wrapper.find(`[data-testid="${save}"]`).exists()).toBe(true)
  })
})

describe('盒子配置 status', () => {
  it('shows why the box failed on the screen, not only on hover', async () => {
    const why = '找不到端口 COM3，请检查盒子是否插好、端口号是否正确'
    api.boxStatus.mockResolvedValue({
      state: 'error',
      code: 'box_port_not_found',
      params: { port: 'COM3' },
      message: '',
    })
    await open(BoxView, 'admin')
    expect(wrapper.get('[data-testid="box-status"]').text()).toContain('连接失败')
    const reason = wrapper.get('[data-testid="box-status-reason"]')
    expect(reason.isVisible()).toBe(true)
    expect(reason.text()).toBe(why)
  })

  it('shows no reason while the box works', async () => {
    await open(BoxView, 'admin')
    expect(wrapper.find('[data-testid="box-status-reason"]').exists()).toBe(false)
  })
})

describe('截屏区域配置 for a cashier', () => {
  it('shows whether the POS API is on, never its key, and no 测试', async () => {
    api.settings.mockResolvedValue({ ...settings, pos: { enabled: true, port: 17788, key: '' } })
    await open(ScreenView, 'cashier')
    expect(wrapper.get('[data-testid="source-pos-state"]').text()).toBe('使用中')
    expect(wrapper.find('[data-testid="pos-key"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="source-pos-test"]').exists()).toBe(false)
  })
})
