import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { AppState, ReconcileReport } from '../../api/types'

const api = { report: vi.fn(), run: vi.fn(), open: vi.fn() }
vi.mock('../../api/reconcile', () => ({
  reconcileApi: {
    report: (...a: unknown[]) => api.report(...a),
    run: (...a: unknown[]) => api.run(...a),
    open: () => api.open(),
  },
}))

import ReconcileView from './ReconcileView.vue'
import { useSessionStore } from '../../stores/session'
import { useReconcileStore } from '../../stores/reconcile'
import { i18n, setLocale } from '../../locales'

const report: ReconcileReport = {
  day: '2026-12-03',
  status: 'done',
  bankRows: 3,
  localRows: 3,
  matched: 1,
  open: 2,
  diffs: [
    {
      id: 1,
      kind: 'status_differs',
      reqsn: 'XTF1',
      trxid: 'T1',
      tradeKind: 'pay',
      bankAmount: 880,
      localAmount: 880,
      bankStatus: '0000',
      localStatus: 'success',
      trxCode: 'VSP501',
      bankTime: '20261203101112',
      resolved: true,
      note: 'query_fixed',
    },
    {
      id: 2,
      kind: 'amount_differs',
      reqsn: 'XTF2',
      trxid: 'T2',
      tradeKind: 'pay',
      bankAmount: 2001,
      localAmount: 2000,
      bankStatus: '0000',
      localStatus: 'success',
      trxCode: 'VSP501',
      bankTime: '',
      resolved: false,
      note: 'needs_admin',
    },
    {
      id: 3,
      kind: 'only_bank',
      reqsn: 'SIMBANK',
      trxid: 'T3',
      tradeKind: 'pay',
      bankAmount: 1234,
      localAmount: 0,
      bankStatus: '0000',
      localStatus: '',
      trxCode: 'VSP501',
      bankTime: '',
      resolved: false,
      note: 'needs_admin',
    },
  ],
}
let wrapper: VueWrapper

async function open(role: string): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = { profile: { role } } as unknown as AppState
  wrapper = mount(ReconcileView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  for (const f of Object.values(api)) f.mockReset()
  api.report.mockResolvedValue(report)
  api.run.mockResolvedValue({ ...report, diffs: [], open: 0 })
})
afterEach(() => wrapper.unmount())

describe('对账结果', () => {
  it('lists open differences first with their kind, the resolved one last, and the counts', async () => {
    await open('admin')
    expect(api.report).toHaveBeenCalledWith('')
    const kinds = wrapper.findAll('[data-testid="reconcile-cell-kind"]').map((w) => w.text())
    expect(kinds).toEqual(['仅通联有', '金额不符', '状态不符'])
    expect(wrapper.findAll('[data-testid="reconcile-cell-note"]').map((w) => w.text())).toEqual([
      '需人工核实',
      '需人工核实',
      '已查询更正',
    ])
    expect(wrapper.findAll('[data-testid="reconcile-cell-bank-amount"]')[1].text()).toBe('20.01 (+0.01)')
    expect(wrapper.get('[data-testid="reconcile-count-status_differs"]').text()).toContain('0')
    expect(useReconcileStore().open).toBe(2)
  })

  it('runs the day again and clears the badge count', async () => {
    await open('admin')
    await wrapper.get('[data-testid="reconcile-run"]').trigger('click')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith('2026-12-03')
    expect(wrapper.find('[data-testid="reconcile-clear"]').exists()).toBe(true)
    expect(useReconcileStore().open).toBe(0)
  })

  it('names why a run failed by its code', async () => {
    api.report.mockResolvedValue({ ...report, status: 'failed', errorCode: 'statement_malformed', diffs: [] })
    await open('admin')
    expect(wrapper.get('[data-testid="reconcile-failed"]').text()).toContain('对账单文件无法完整读取')
  })

  it('asks a cashier nothing', async () => {
    await open('cashier')
    expect(api.report).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="reconcile-admin-only"]').exists()).toBe(true)
  })
})
