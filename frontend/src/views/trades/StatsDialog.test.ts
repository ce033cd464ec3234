import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { statsPicture: vi.fn(), saveStatsPng: vi.fn(), cancelExport: vi.fn() }
vi.mock('../../api/trades', () => ({
  tradeApi: {
    statsPicture: (...a: unknown[]) => api.statsPicture(...a),
    saveStatsPng: (...a: unknown[]) => api.saveStatsPng(...a),
    cancelExport: () => api.cancelExport(),
  },
}))

import StatsDialog from './StatsDialog.vue'
import { i18n, setLocale } from '../../locales'

const filter = {
  day: '',
  from: '2026-12-01',
  to: '2026-12-03',
  storeId: 0,
  cashier: '',
  kind: '',
  channel: 'wechat',
  status: '',
  tradeNo: '',
  terminal: true,
  offset: 0,
  limit: 20,
}
const pic = { day: '2026-12-03', name: '交易统计-2026-12-03.png', png: 'iVBORw0KGgo=', payCount: 2 }
let wrapper: VueWrapper
const downloads: string[] = []

async function open(): Promise<void> {
  wrapper = mount(StatsDialog, {
    props: { modelValue: true, filter },
    global: { plugins: [i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  downloads.length = 0
  Object.values(api).forEach((f) => f.mockReset())
  api.statsPicture.mockResolvedValue(pic)
  api.cancelExport.mockResolvedValue(undefined)
  URL.createObjectURL = vi.fn(() => 'blob:x')
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download)
  })
})
afterEach(() => {
  wrapper.unmount()
  vi.restoreAllMocks()
  delete (window as unknown as { chrome?: unknown }).chrome
})

const picture = () => document.querySelector<HTMLImageElement>('[data-testid="stats-picture"]')!
const button = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!

describe('统计', () => {
  it('shows the picture Go drew in the UI language, and downloads that same picture in a browser', async () => {
    await open()
    expect(api.statsPicture).toHaveBeenCalledWith(filter, 'zh-CN')
    expect(picture().getAttribute('src')).toBe(`data:image/png;base64,${pic.png}`)
    button('stats-save').click()
    await flushPromises()
    expect(downloads).toEqual(['交易统计-2026-12-03.png'])
    expect(api.saveStatsPng).not.toHaveBeenCalled()
    setLocale('en')
    await flushPromises()
    expect(api.statsPicture).toHaveBeenLastCalledWith(filter, 'en')
    setLocale('zh-CN')
  })

  it('in the window saves the picture shown through Go, with 取消 while it waits', async () => {
    ;(window as unknown as { chrome: unknown }).chrome = { webview: {} }
    api.saveStatsPng.mockReturnValue(new Promise(() => {}))
    await open()
    button('stats-save').click()
    await flushPromises()
    expect(api.saveStatsPng).toHaveBeenCalledWith(pic)
    button('stats-save-cancel').click()
    await flushPromises()
    expect(api.cancelExport).toHaveBeenCalled()
    expect(document.querySelector('[data-testid="stats-save-cancel"]')).toBeNull()
  })
})
