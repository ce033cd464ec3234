import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import type { TradeFilter } from '../api/types'

vi.mock('../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { exportTrades: vi.fn(), exportDownload: vi.fn(), cancelExport: vi.fn() }
vi.mock('../api/trades', () => ({
  tradeApi: {
    exportTrades: (...a: unknown[]) => api.exportTrades(...a),
    exportDownload: (...a: unknown[]) => api.exportDownload(...a),
    cancelExport: () => api.cancelExport(),
  },
}))
const messages: string[] = []
vi.mock('element-plus', () => {
  const m = (o: { message: unknown }) => messages.push(String(o.message))
  m.success = (s: string) => messages.push(s)
  m.error = (s: string) => messages.push(s)
  m.info = (s: string) => messages.push(s)
  return { ElMessage: m }
})

import { useTradeExport, type TradeExport } from './useTradeExport'
import { setLocale } from '../locales'

const filter: TradeFilter = {
  day: '2026-12-03',
  from: '',
  to: '',
  storeId: 0,
  cashier: '',
  kind: '',
  channel: '',
  status: '',
  tradeNo: '',
  terminal: true,
  offset: 40,
  limit: 20,
}
let exp: TradeExport
let unmount: () => void

function use(limitMs?: number): void {
  const C = defineComponent({
    setup() {
      exp = useTradeExport(() => filter, limitMs)
      return () => h('div')
    },
  })
  const w = mount(C)
  unmount = () => w.unmount()
}

const clicked: { name: string; href: string }[] = []
beforeEach(() => {
  setLocale('zh-CN')
  messages.length = 0
  clicked.length = 0
  Object.values(api).forEach((f) => f.mockReset())
  api.cancelExport.mockResolvedValue(undefined)
  URL.createObjectURL = vi.fn(() => 'blob:x')
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href })
  })
})
afterEach(() => {
  unmount()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('导出', () => {
  it('in a browser offers the file as a download, never opening a native dialog', async () => {
    use()
    api.exportDownload.mockResolvedValue({ name: '交易数据-2026-12-03.csv', data: btoa('a,b'), count: 2 })
    await exp.exportAs('csv')
    expect(api.exportDownload).toHaveBeenCalledWith({ ...filter, offset: 0, limit: 0 }, 'csv')
    expect(api.exportTrades).not.toHaveBeenCalled()
    expect(clicked).toEqual([{ name: '交易数据-2026-12-03.csv', href: 'blob:x' }])
    expect(exp.exporting.value).toBe(false)
    expect(messages.join()).toContain('已导出 2 笔交易')
  })

  it('in the window saves through Go’s save dialog', async () => {
    ;(window as unknown as { chrome: unknown }).chrome = { webview: {} }
    try {
      use()
      api.exportTrades.mockResolvedValue({ path: 'C:\\交易数据.xlsx', count: 3 })
      await exp.exportAs('xlsx')
      expect(api.exportTrades).toHaveBeenCalledWith({ ...filter, offset: 0, limit: 0 }, 'xlsx')
      expect(clicked).toEqual([])
    } finally {
      delete (window as unknown as { chrome?: unknown }).chrome
    }
  })

  it('取消 frees the screen at once, stops Go’s job and ignores its late answer', async () => {
    use()
    let answer!: (v: unknown) => void
    api.exportDownload.mockReturnValue(new Promise((r) => (answer = r)))
    const p = exp.exportAs('csv')
    expect(exp.exporting.value).toBe(true)
    exp.cancel()
    expect(exp.exporting.value).toBe(false)
    expect(api.cancelExport).toHaveBeenCalledTimes(1)
    answer({ name: 'late.csv', data: '', count: 0 })
    await p
    await flushPromises()
    expect(clicked).toEqual([])
    expect(messages).toEqual(['已取消导出'])
  })

  it('a job that never answers ends after the time limit with a message', async () => {
    vi.useFakeTimers()
    use(1000)
    api.exportDownload.mockReturnValue(new Promise(() => {}))
    void exp.exportAs('csv')
    expect(exp.exporting.value).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(exp.exporting.value).toBe(false)
    expect(api.cancelExport).toHaveBeenCalled()
    expect(messages).toEqual(['导出超时，请缩小查询条件后重试'])
  })
})
