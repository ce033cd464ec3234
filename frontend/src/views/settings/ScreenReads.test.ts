import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ScreenHealth } from '../../api/types'

const screenReads = vi.fn()
vi.mock('../../api/devices', () => ({ deviceApi: { screenReads: () => screenReads() } }))

import ScreenReads from './ScreenReads.vue'
import { i18n, setLocale } from '../../locales'

const at = Date.UTC(2026, 11, 4, 4, 5, 6) // 12:05:06 shop time
const working: ScreenHealth = {
  active: true,
  floor: 0.12,
  failing: false,
  reads: [
    { at: at + 3000, amount: 0, code: 'ocr_below_floor', confidence: 0.08, count: 2 },
    { at, amount: 12332, code: 'read', confidence: 0.61, count: 3 },
  ],
}

let wrapper: VueWrapper
async function open(h: ScreenHealth): Promise<void> {
  screenReads.mockResolvedValue(h)
  wrapper = mount(ScreenReads, { global: { plugins: [i18n] } })
  await flushPromises()
}
const rows = () => wrapper.findAll('[data-testid="screen-read-row"]')
const has = (id: string) => wrapper.find(`[data-testid="${id}"]`).exists()

afterEach(() => {
  wrapper?.unmount()
  setLocale('zh-CN')
  vi.useRealTimers()
})

describe('ScreenReads', () => {
  it('lists the last reads, newest first, with their confidence and the floor', async () => {
    await open(working)
    expect(wrapper.get('[data-testid="screen-reads-floor"]').text()).toBe('置信度下限 12%')
    const [refused, read] = rows()
    expect(refused.attributes('data-code')).toBe('ocr_below_floor')
    expect(refused.text()).toContain('低于置信度下限')
    expect(refused.get('td[title]').attributes('title')).toContain('请填写当前显示的金额后重新对接')
    expect(refused.text()).toContain('×2')
    expect(refused.get('[data-testid="screen-read-confidence"]').text()).toBe('8%')
    expect(refused.classes()).toContain('low')
    expect(read.text()).toContain('12:05:06')
    expect(read.text()).toContain('¥123.32')
    expect(read.text()).toContain('×3')
    expect(read.get('[data-testid="screen-read-confidence"]').text()).toBe('61%')
    expect(read.classes()).not.toContain('low')
    expect(has('screen-reads-failing')).toBe(false)
  })

  it('warns when reads started failing, in both languages', async () => {
    const failing: ScreenHealth = {
      ...working,
      failing: true,
      code: 'screen_reads_failing',
      reads: [{ at, amount: 0, code: 'ocr_unsure', confidence: 0, count: 12 }],
    }
    await open(failing)
    expect(wrapper.get('[data-testid="screen-reads-failing"]').text()).toContain('收银软件的界面可能变了')
    expect(rows()[0].get('[data-testid="screen-read-confidence"]').text()).toBe('—')
    setLocale('en')
    await flushPromises()
    expect(wrapper.get('[data-testid="screen-reads-failing"]').text()).toContain('may look different now')
    expect(rows()[0].text()).toContain('A digit is unclear')
  })

  it('says when OCR is not running or has read nothing yet', async () => {
    await open({ active: false, floor: 0, failing: false, reads: [] })
    expect(wrapper.get('[data-testid="screen-reads-empty"]').text()).toBe('未在用 OCR 识别金额')
    expect(has('screen-reads-floor')).toBe(false)
    wrapper.unmount()
    await open({ active: true, floor: 0, failing: false, reads: null })
    expect(wrapper.get('[data-testid="screen-reads-empty"]').text()).toContain('还没有识别记录')
  })

  it('asks Go again every two seconds and picks up a failure', async () => {
    vi.useFakeTimers()
    await open(working)
    expect(has('screen-reads-failing')).toBe(false)
    screenReads.mockResolvedValue({ ...working, failing: true, code: 'screen_reads_failing' })
    await vi.advanceTimersByTimeAsync(2000)
    expect(has('screen-reads-failing')).toBe(true)
  })

  it('has every text in both locales', () => {
    for (const l of ['zh-CN', 'en'] as const) {
      for (const k of [
        'title',
        'floor',
        'none',
        'inactive',
        'time',
        'outcome',
        'confidence',
        'read',
        'times',
      ])
        expect(i18n.global.te(`settings.screen.reads.${k}`, l), `${l} ${k}`).toBe(true)
      expect(i18n.global.te('settings.screen.reads.codes.screen_reads_failing', l)).toBe(true)
      // every reason Go's ocrCode gives a refused read (ocr_empty is never listed)
      for (const c of [
        'ocr_no_amount',
        'ocr_ambiguous',
        'ocr_clipped',
        'ocr_unsure',
        'ocr_below_floor',
        'ocr_failed',
      ])
        expect(i18n.global.te(`settings.screen.reads.reasons.${c}`, l), `${l} ${c}`).toBe(true)
      expect(i18n.global.te('settings.screen.results.ocr_below_floor', l)).toBe(true)
    }
  })
})
