import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { ConnectResult, DeviceSettings, DisplayInfo, ScreenSettings } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = {
  settings: vi.fn(),
  displays: vi.fn(),
  captureDisplay: vi.fn(),
  connect: vi.fn(),
  saveScreen: vi.fn(),
  screenReads: vi.fn(),
}
vi.mock('../../api/devices', () => ({
  deviceApi: {
    settings: () => api.settings(),
    displays: () => api.displays(),
    captureDisplay: (i: number) => api.captureDisplay(i),
    connect: (s: unknown, a: string) => api.connect(s, a),
    saveScreen: (s: unknown) => api.saveScreen(s),
    screenReads: () => api.screenReads(),
  },
}))

import ScreenView from './ScreenView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

/** The devices are the admin's: these cases are the admin's screen (DevicesReadonly.test.ts has the cashier's). */
const adminLoggedIn = {
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
const twoDisplays: DisplayInfo[] = [
  { index: 0, x: 0, y: 0, width: 1920, height: 1080 },
  { index: 1, x: 1920, y: 0, width: 3840, height: 2160 },
]
const okResult: ConnectResult = { ok: true, amount: 1250, text: '12.50', confidence: 0.97, code: 'connected' }

let wrapper: VueWrapper
const byId = <T extends Element = Element>(id: string) => wrapper.get<T>(`[data-testid="${id}"]`)
const choose = (id: string) => byId(id).get('input').setValue(true)
const inBody = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function open(screen: ScreenSettings = off, displays: DisplayInfo[] = twoDisplays): Promise<void> {
  api.settings.mockResolvedValue({ screen } as DeviceSettings)
  api.displays.mockResolvedValue(displays)
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = adminLoggedIn
  wrapper = mount(ScreenView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

/** drag draws a rectangle on the picker's screenshot, in preview pixels. */
function drag(from: [number, number], to: [number, number]): void {
  const stage = inBody('region-stage')!
  const fire = (type: string, [x, y]: [number, number]) =>
    stage.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0, clientX: x, clientY: y }))
  fire('pointerdown', from)
  fire('pointermove', to)
  fire('pointerup', to)
}

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  Object.values(api).forEach((f) => f.mockReset())
  // The picker fits the screenshot into 92% of the window less its chrome: this makes the
  // preview exactly a quarter of a 3840×2160 display (960×540).
  Object.defineProperty(window, 'innerWidth', { value: 4000, configurable: true })
  Object.defineProperty(window, 'innerHeight', { value: 730 / 0.92 + 0.001, configurable: true })
})
afterEach(() => {
  wrapper.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
})

describe('截屏区域配置', () => {
  it('offers 屏幕2 only when Displays reports a second screen', async () => {
    await open(off, [twoDisplays[0]])
    expect(wrapper.find('[data-testid="screen-display"]').exists()).toBe(false)
    await choose('screen-dual')
    expect(byId('screen-display-2').get('input').element.disabled).toBe(true)
    expect(byId('screen-display-1').get('input').element.disabled).toBe(false)
    expect(wrapper.text()).toContain('只检测到一块屏幕')
    wrapper.unmount()

    await open(off, twoDisplays)
    await choose('screen-dual')
    expect(byId('screen-display-2').get('input').element.disabled).toBe(false)
    expect(byId('screen-display-2').text()).toContain('3840×2160')
    expect(wrapper.text()).not.toContain('只检测到一块屏幕')
  })

  it("OCR on 屏幕2: the picked rectangle reaches Connect in the display's full pixels, with the amount", async () => {
    await open()
    await choose('screen-mode-ocr')
    await choose('screen-dual')
    await choose('screen-display-2')
    expect(byId('screen-area').text()).toContain('尚未框选')
    api.captureDisplay.mockResolvedValue({ image: 'data:image/png;base64,AA==', width: 3840, height: 2160 })
    await byId('screen-pick').trigger('click')
    await flushPromises()
    expect(api.captureDisplay).toHaveBeenCalledWith(1)
    expect(inBody('region-stage')!.style.width).toBe('960px')
    expect(inBody('region-stage')!.style.height).toBe('540px')
    drag([100, 50], [200, 80])
    await flushPromises()
    inBody('region-ok')!.click()
    await flushPromises()
    expect(byId('screen-area').text()).toBe('400×120 像素，位于 (400, 200)')

    await byId('screen-amount').setValue('12.5')
    api.connect.mockResolvedValue(okResult)
    await byId('screen-connect').trigger('click')
    await flushPromises()
    expect(api.connect).toHaveBeenCalledTimes(1)
    expect(api.connect).toHaveBeenCalledWith(
      { ...off, mode: 'ocr', dual: true, display: 1, rect: { x: 400, y: 200, w: 400, h: 120 } },
      '12.5',
    )
    expect(byId('screen-result').attributes('data-ok')).toBe('true')
    expect(byId('screen-result').text()).toContain('系统对接成功')
    expect(byId<HTMLInputElement>('screen-amount').element.value).toBe('12.50')
    expect(byId('screen-state').text()).toBe('已对接 · OCR')
  })

  it('OCR without an area hints and does not call Connect', async () => {
    await open()
    await choose('screen-mode-ocr')
    await byId('screen-connect').trigger('click')
    await flushPromises()
    expect(api.connect).not.toHaveBeenCalled()
    expect(byId('screen-hint').text()).toBe('请先框选金额区域')
  })

  it('Enter starts 文本框 对接 on the single screen; ok=false shows the reason translated from its code', async () => {
    await open({ ...off, dual: true, display: 1 })
    await choose('screen-single')
    api.connect.mockResolvedValue({
      ok: false,
      amount: 0,
      text: '',
      confidence: 0,
      code: 'textbox_mismatch',
      params: { amount: '8.80' },
    })
    await byId('screen-amount').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.connect).toHaveBeenCalledWith({ ...off, mode: 'textbox' }, '')
    expect(byId('screen-result').attributes('data-ok')).toBe('false')
    expect(byId('screen-result-reason').text()).toBe('读到 8.80 元，与填写的金额不一致，请单击金额框重试')
    expect(byId('screen-state').text()).toBe('未对接')
  })

  it('a rejected Connect shows the translated error', async () => {
    await open()
    api.connect.mockRejectedValue({ code: 'forbidden', message: 'no right' })
    await byId('screen-connect').trigger('click')
    await flushPromises()
    expect(byId('screen-result').attributes('data-ok')).toBe('false')
    expect(byId('screen-result-reason').text()).toBe('当前账号没有此操作的权限')
  })

  it('文本框 shows its countdown while Connect is pending, and clears it when the answer comes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await open()
    let answer!: (r: ConnectResult) => void
    api.connect.mockReturnValue(new Promise<ConnectResult>((r) => (answer = r)))
    await byId('screen-connect').trigger('click')
    await flushPromises()
    expect(byId('screen-result').text()).toContain('请在 10 秒内')
    vi.advanceTimersByTime(3000)
    await flushPromises()
    expect(byId('screen-result').text()).toContain('请在 7 秒内')
    await byId('screen-connect').trigger('click')
    expect(api.connect).toHaveBeenCalledTimes(1)
    answer(okResult)
    await flushPromises()
    expect(byId('screen-result').text()).not.toContain('秒内')
    expect(byId('screen-result').text()).toContain('系统对接成功')
  })

  it('关闭对接 asks, then saves the screen with mode off', async () => {
    const rect = { x: 400, y: 200, w: 400, h: 120 }
    await open({ ...off, mode: 'ocr', dual: true, display: 1, rect, calibrated: true })
    expect(byId('screen-state').text()).toBe('已对接 · OCR')
    api.saveScreen.mockResolvedValue(undefined)
    await byId('screen-stop').trigger('click')
    await flushPromises()
    expect(api.saveScreen).not.toHaveBeenCalled()
    document.querySelector<HTMLElement>('.xtf-confirm-yes')!.click()
    await flushPromises()
    expect(api.saveScreen).toHaveBeenCalledWith({
      ...off,
      mode: 'off',
      dual: true,
      display: 1,
      rect,
      calibrated: true,
    })
    expect(byId('screen-state').text()).toBe('未对接')
    expect(wrapper.find('[data-testid="screen-stop"]').exists()).toBe(false)
  })

  it('shows 最近识别 with the failing warning while OCR is the saved method, not for the text box', async () => {
    api.screenReads.mockResolvedValue({
      active: true,
      floor: 0.1,
      failing: true,
      code: 'screen_reads_failing',
      reads: [{ at: Date.now(), amount: 0, code: 'ocr_unsure', confidence: 0, count: 10 }],
    })
    await open({ ...off, mode: 'ocr', rect: { x: 10, y: 10, w: 300, h: 60 }, calibrated: true })
    expect(byId('screen-reads-failing').text()).toContain('重新“开始对接”')
    expect(wrapper.findAll('[data-testid="screen-read-row"]')).toHaveLength(1)
    wrapper.unmount()
    await open({ ...off, mode: 'textbox', rect: { x: 10, y: 10, w: 0, h: 0 } })
    expect(wrapper.find('[data-testid="screen-reads"]').exists()).toBe(false)
  })
})
