import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { DeviceSettings, PoleStatus, ScreenSettings } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = {
  settings: vi.fn(),
  displays: vi.fn(),
  ports: vi.fn(),
  saveScreen: vi.fn(),
  poleStatus: vi.fn(),
}
vi.mock('../../api/devices', () => ({
  deviceApi: {
    settings: () => api.settings(),
    displays: () => api.displays(),
    ports: () => api.ports(),
    saveScreen: (s: unknown) => api.saveScreen(s),
    poleStatus: () => api.poleStatus(),
  },
}))

import ScreenView from './ScreenView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

const admin = {
  mode: 'embedded',
  serverUrl: '',
  initialized: true,
  terminal: null,
  demo: false,
  profile: { account: '01', name: '管理员', phone: '', remark: '', role: 'admin', passwordChanged: true },
}
const off: ScreenSettings = {
  mode: 'off',
  dual: false,
  display: 0,
  rect: { x: 0, y: 0, w: 0, h: 0 },
  calibrated: false,
  pole: { port: '', baud: 2400, relay: '' },
}
const listening: PoleStatus = { state: 'listening', total: 0, at: 0 }

let wrapper: VueWrapper
const byId = (id: string) => wrapper.get(`[data-testid="${id}"]`)
const has = (id: string) => wrapper.find(`[data-testid="${id}"]`).exists()

async function open(screen: ScreenSettings = off, role = 'admin'): Promise<void> {
  api.settings.mockResolvedValue({ screen } as DeviceSettings)
  api.displays.mockResolvedValue([])
  api.ports.mockResolvedValue(['COM1', 'COM8', 'COM9'])
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = { ...admin, profile: { ...admin.profile, role } }
  wrapper = mount(ScreenView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

/** pick chooses option text in the select with testid id (Element Plus teleports the list to the body). */
async function pick(id: string, text: string): Promise<void> {
  await byId(id).find('.el-select__wrapper').trigger('click')
  await flushPromises()
  const open = [...document.querySelectorAll<HTMLElement>('.el-select__popper')].filter(
    (p) => p.style.display !== 'none',
  )
  const opt = [...open.at(-1)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (o) => o.textContent?.trim() === text,
  )
  if (!opt) throw new Error(`no option ${text}`)
  opt.click()
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
  api.poleStatus.mockResolvedValue({ state: 'off', total: 0, at: 0 })
})
afterEach(() => {
  wrapper.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
  setLocale('zh-CN')
})

describe('截屏区域配置 → 客显', () => {
  it('客显 shows its own form instead of the screen and OCR fields, with the com0com explanation', async () => {
    await open()
    expect(has('pole-form')).toBe(false)
    await byId('screen-mode-pole').get('input').setValue(true)
    expect(has('pole-form')).toBe(true)
    expect(has('screen-count')).toBe(false)
    expect(has('screen-connect')).toBe(false)
    expect(byId('pole-form').text()).toContain('com0com')
    expect(byId('pole-help').text()).toContain('COM8 ↔ COM9')
    expect(byId('pole-baud').text()).toContain('2400')
  })

  it('保存并监听 saves mode pole with the chosen ports and baud, then shows listening and the last total', async () => {
    await open()
    await byId('screen-mode-pole').get('input').setValue(true)
    await flushPromises()
    await pick('pole-port', 'COM9')
    await pick('pole-baud', '9600')
    await pick('pole-relay', 'COM1')
    api.saveScreen.mockResolvedValue(undefined)
    api.poleStatus.mockResolvedValue({ state: 'listening', total: 1250, at: Date.UTC(2026, 11, 3, 2, 4, 5) })
    await byId('pole-save').trigger('click')
    await flushPromises()
    expect(api.saveScreen).toHaveBeenCalledWith({
      ...off,
      mode: 'pole',
      pole: { port: 'COM9', baud: 9600, relay: 'COM1' },
    })
    expect(byId('screen-state').text()).toBe('已对接 · 客显')
    expect(byId('pole-status').text()).toBe('正在监听 COM9')
    expect(byId('pole-total').text()).toBe('最近总计 ¥12.50（10:04:05）')
    expect(has('screen-stop')).toBe(true)
  })

  it('follows the status live and shows why the port failed, translated, in zh-CN and en', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await open({ ...off, mode: 'pole', pole: { port: 'COM9', baud: 2400, relay: '' } })
    api.poleStatus.mockResolvedValue(listening)
    expect(byId('pole-total').text()).toBe('尚未收到总计：请在收银软件结账时查看')
    api.poleStatus.mockResolvedValue({
      state: 'failed',
      code: 'pole_port_busy',
      params: { port: 'COM9' },
      total: 0,
      at: 0,
    })
    vi.advanceTimersByTime(2000)
    await flushPromises()
    expect(byId('pole-status').attributes('data-state')).toBe('failed')
    expect(has('pole-total')).toBe(false)
    expect(byId('screen-state').text()).toBe('客显 · 监听失败')
    expect(byId('pole-reason').text()).toBe(
      '串口 COM9 被其他程序占用：请确认收银软件设置的是虚拟串口对的另一端',
    )
    setLocale('en')
    await flushPromises()
    expect(byId('pole-reason').text()).toBe(
      'Port COM9 is used by another program: check that the cashier software uses the other end of the pair',
    )
  })

  it("Go's refusal shows under the field it names, translated from its code", async () => {
    await open({ ...off, mode: 'pole', pole: { port: 'COM9', baud: 2400, relay: '' } })
    api.saveScreen.mockRejectedValue({
      code: 'pole_relay_same',
      message: '转发的串口不能是监听的串口',
      field: 'pole.relay',
    })
    await byId('pole-save').trigger('click')
    await flushPromises()
    const items = wrapper.findAllComponents({ name: 'ElFormItem' })
    const item = (id: string) => items.find((i) => i.find(`[data-testid="${id}"]`).exists())!
    expect(item('pole-relay').classes()).toContain('is-error')
    expect(item('pole-relay').props('error')).toBe('转发客显屏的串口不能是监听的串口')
    expect(item('pole-port').classes()).not.toContain('is-error')
    expect(byId('screen-state').text()).toBe('已对接 · 客显')
  })

  it('a cashier sees the 客显 settings read-only, with no 保存并监听', async () => {
    await open({ ...off, mode: 'pole', pole: { port: 'COM9', baud: 2400, relay: '' } }, 'cashier')
    expect(has('pole-form')).toBe(true)
    expect(has('pole-save')).toBe(false)
  })
})

describe('every result code has a text', () => {
  it('in zh-CN and en', () => {
    // The codes of backend/services (device_screen_codes.go, device_screen_pole.go); a Go test checks the same list.
    const results = ['connected', 'no_mode', 'capture_failed', 'calibration_text', 'calibration_absent']
      .concat(['calibration_differ', 'calibration_failed', 'ocr_empty', 'ocr_no_amount', 'ocr_ambiguous'])
      .concat(['ocr_clipped', 'ocr_unsure', 'ocr_failed', 'ocr_mismatch', 'only_windows', 'click_timeout'])
      .concat(['click_failed', 'textbox_unreadable', 'textbox_empty', 'textbox_mismatch'])
    const pole = [
      'pole_port_busy',
      'pole_port_not_found',
      'pole_port_denied',
      'pole_port_failed',
      'pole_port_lost',
    ]
    for (const l of ['zh-CN', 'en'] as const) {
      for (const c of results)
        expect(i18n.global.te(`settings.screen.results.${c}`, l), `${l} ${c}`).toBe(true)
      for (const c of pole)
        expect(i18n.global.te(`settings.screen.poleForm.codes.${c}`, l), `${l} ${c}`).toBe(true)
      for (const c of [
        'pole_port_missing',
        'pole_baud',
        'pole_relay_same',
        'screen_mode',
        'screen_display',
      ].concat(['screen_rect', 'screen_amount', 'screen_capture']))
        expect(i18n.global.te(`errors.${c}`, l), `${l} ${c}`).toBe(true)
    }
  })
})
