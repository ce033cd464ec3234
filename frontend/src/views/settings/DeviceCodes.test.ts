// The box, hotkey and printer screens show Go's codes in the cashier's language: the words
// come from errors.<code> with Go's params (port, combo, printer), never from Go's Chinese message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElFormItem } from 'element-plus'
import type { Component } from 'vue'
import type { DeviceSettings } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { boxStatus: vi.fn(), saveHotkeys: vi.fn(), testPrint: vi.fn() }
vi.mock('../../api/devices', () => ({
  deviceApi: {
    settings: () => Promise.resolve(settings),
    boxStatus: () => api.boxStatus(),
    saveHotkeys: (h: unknown) => api.saveHotkeys(h),
    testPrint: (p: unknown) => api.testPrint(p),
    printers: () => Promise.resolve(['POS-58']),
    receiptPreview: () => Promise.resolve([]),
    ports: () => Promise.resolve(['COM7']),
  },
}))

import PrintView from './PrintView.vue'
import BoxView from './BoxView.vue'
import HotkeyView from './HotkeyView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'
import { errText } from '../../utils/errorText'

const settings = {
  printer: { enabled: true, name: 'tcp://127.0.0.1:9100', copies: 1, width: 58 },
  box: {
    enabled: true,
    port: 'COM7',
    baud: 9600,
    dataBits: 8,
    parity: 'none',
    stopBits: '1',
    broadcast: false,
  },
  screen: { mode: 'off', dual: false, display: 0, rect: { x: 0, y: 0, w: 0, h: 0 }, calibrated: false },
  hotkeys: {
    quickPay: { keys: 'Ctrl+Shift+P', enabled: true },
    showMain: { keys: 'Ctrl+Alt+T', enabled: true },
    hideFloating: false,
  },
} as DeviceSettings
const han = /\p{Script=Han}/u
let wrapper: VueWrapper

async function open(view: Component): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = {
    mode: 'embedded',
    serverUrl: '',
    initialized: true,
    terminal: null,
    demo: false,
    profile: { account: '01', name: '', phone: '', remark: '', role: 'admin', passwordChanged: true },
  }
  wrapper = mount(view, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  setLocale('en')
  Object.values(api).forEach((f) => f.mockReset())
  api.boxStatus.mockResolvedValue({
    state: 'connected',
    code: 'box_connected',
    params: { port: 'COM7' },
    message: '',
  })
})
afterEach(() => {
  wrapper?.unmount()
  setLocale('zh-CN')
})

describe('the English UI shows English for Go’s device codes', () => {
  it('盒子配置: why the box failed, with its port', async () => {
    api.boxStatus.mockResolvedValue({
      state: 'error',
      code: 'box_port_not_found',
      params: { port: 'COM7' },
      message: '找不到串口 COM7，请检查盒子是否插好、端口号是否正确',
    })
    await open(BoxView)
    const reason = wrapper.get('[data-testid="box-status-reason"]').text()
    expect(reason).toBe('No port COM7; check that the box is plugged in and the port is right')
    setLocale('zh-CN')
    await flushPromises()
    expect(wrapper.get('[data-testid="box-status-reason"]').text()).toBe(
      '找不到端口 COM7，请检查盒子是否插好、端口号是否正确',
    )
  })

  it('快捷键配置: a combo another program holds, next to its row', async () => {
    api.saveHotkeys.mockResolvedValue({
      errors: {
        showMain: {
          code: 'hotkey_taken',
          params: { combo: 'Ctrl+Alt+T' },
          message: 'Ctrl+Alt+T 注册失败，可能已被其他程序占用',
        },
      },
    })
    await open(HotkeyView)
    await wrapper.get('[data-testid="hotkey-save"]').trigger('click')
    await flushPromises()
    const err = wrapper.get('[data-testid="hotkey-showMain-error"]').text()
    expect(err).toBe('Ctrl+Alt+T cannot be used; another program may hold it. Choose another')
    expect(wrapper.find('[data-testid="hotkey-quickPay-error"]').exists()).toBe(false)
  })

  it('打印配置: a printer that does not answer a test print', async () => {
    api.testPrint.mockRejectedValue({
      code: 'printer_unreachable',
      params: { printer: '127.0.0.1:9100' },
      message: '无法连接打印机 127.0.0.1:9100，请检查打印机电源、连线和纸张',
    })
    await open(PrintView)
    await wrapper.get('[data-testid="print-test"]').trigger('click')
    await flushPromises()
    const item = wrapper.findAllComponents(ElFormItem).find((f) => f.classes('is-error'))
    expect(item?.props('error')).toBe(
      'Cannot reach the printer 127.0.0.1:9100; check its power, cable and paper',
    )
  })
})

describe('every box, hotkey and printer code', () => {
  const params = { port: 'COM7', combo: 'Ctrl+Alt+T', key: 'Tab', mod: 'Ctrl', first: 'P', second: 'Q' }
  const all = { ...params, name: 'quickPay', printer: 'POS-58', address: 'tcp://:9100', max: 260, baud: 1234 }
  const codes = Object.keys(i18n.global.getLocaleMessage('en').errors as object).filter((c) =>
    /^(box|hotkey|printer)_/.test(c),
  )

  it('is Go’s code translated with its params, not Go’s message', () => {
    expect(codes.length).toBeGreaterThanOrEqual(30)
    for (const l of ['en', 'zh-CN'] as const) {
      setLocale(l)
      for (const code of codes) {
        const text = errText({ code, params: all, message: 'GO-MESSAGE 系统内部文字' })
        expect(text, `${l} ${code}`).not.toMatch(/GO-MESSAGE|\{|\}/)
        if (l === 'en') expect(text, `en ${code}`).not.toMatch(han)
        else expect(text, `zh ${code}`).toMatch(han)
      }
    }
  })
})
