import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { PrinterSettings } from '../../api/types'

const preview = vi.fn()
vi.mock('../../api/devices', () => ({
  deviceApi: { receiptPreview: (p: PrinterSettings) => preview(p) },
}))

import ReceiptPreview from './ReceiptPreview.vue'
import { i18n, setLocale } from '../../locales'

const line = (text: string, center = false) => ({ text, center, bold: center, tall: false })

beforeEach(() => {
  setLocale('zh-CN')
  preview.mockReset()
  preview.mockImplementation(async (p: PrinterSettings) => [
    line('演示商户', true),
    line('消费凭条', true),
    line('门店：            演示一店'),
    line(`第 1 联 / 共 ${p.copies} 联`, true),
  ])
})

describe('receipt preview', () => {
  it('shows the lines Go prints, and asks again when 纸宽 or 打印次数 change', async () => {
    const w = mount(ReceiptPreview, {
      props: { width: 58, copies: 5, enabled: true },
      global: { plugins: [i18n] },
    })
    await flushPromises()
    expect(preview).toHaveBeenLastCalledWith(expect.objectContaining({ width: 58, copies: 5 }))
    const rows = w.findAll('[data-testid="print-preview-line"]')
    expect(rows.map((r) => r.text())).toEqual([
      '演示商户',
      '消费凭条',
      '门店：            演示一店',
      '第 1 联 / 共 5 联',
    ])
    expect(rows[0].classes()).toContain('center')
    await w.setProps({ width: 80, copies: 2 })
    await flushPromises()
    expect(preview).toHaveBeenLastCalledWith(expect.objectContaining({ width: 80, copies: 2 }))
    expect(w.findAll('[data-testid="print-preview-line"]').at(-1)!.text()).toBe('第 1 联 / 共 2 联')
    expect(w.get('[data-testid="print-preview"]').classes()).toContain('w80')
  })
})
