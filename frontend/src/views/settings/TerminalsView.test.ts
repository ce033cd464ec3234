import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { TerminalRow } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { terminals: vi.fn(), revokeTerminal: vi.fn() }
vi.mock('../../api/cashiers', () => ({
  cashierApi: {
    terminals: (...a: unknown[]) => api.terminals(...a),
    revokeTerminal: (...a: unknown[]) => api.revokeTerminal(...a),
  },
}))
const confirm = vi.fn()
vi.mock('../../utils/confirm', () => ({ confirmBox: (...a: unknown[]) => confirm(...a) }))

import TerminalsView from './TerminalsView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

const row = (termNo: string, more: Partial<TerminalRow> = {}): TerminalRow => ({
  termNo,
  storeName: '一号店',
  createdAt: new Date().toISOString(),
  lastSeenAt: new Date().toISOString(),
  revoked: false,
  current: false,
  ...more,
})
let wrapper: VueWrapper

async function open(): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = {
    mode: 'remote',
    serverUrl: 'https://xtfd.example.com',
    initialized: true,
    terminal: null,
    demo: false,
    profile: { account: '01', name: '管理员', phone: '', remark: '', role: 'admin', passwordChanged: true },
  }
  wrapper = mount(TerminalsView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
  confirm.mockReset()
  api.terminals.mockResolvedValue([
    row('00000003'),
    row('00000002', { revoked: true }),
    row('00000001', { current: true }),
  ])
})
afterEach(() => wrapper.unmount())

describe('终端管理', () => {
  it('offers 停用 only for other live terminals and stops one after 是', async () => {
    await open()
    expect(wrapper.findAll('[data-testid="terminals-cell-no"]').map((c) => c.text())).toEqual([
      '00000003',
      '00000002',
      '00000001',
    ])
    const buttons = wrapper.findAll('[data-testid="terminals-revoke"]')
    expect(buttons).toHaveLength(1)
    expect(wrapper.findAll('[data-testid="terminals-revoked"]')).toHaveLength(1)
    confirm.mockResolvedValue(false)
    await buttons[0].trigger('click')
    await flushPromises()
    expect(api.revokeTerminal).not.toHaveBeenCalled()
    confirm.mockResolvedValue(true)
    api.revokeTerminal.mockResolvedValue(undefined)
    await buttons[0].trigger('click')
    await flushPromises()
    expect(api.revokeTerminal).toHaveBeenCalledWith('00000003')
    expect(api.terminals).toHaveBeenCalledTimes(2)
  })

  it('shows the platform refusal', async () => {
    api.terminals.mockRejectedValue({ code: 'forbidden', message: '只有管理员可以管理终端' })
    await open()
    expect(wrapper.get('[data-testid="terminals-error"]').text()).toBe(i18n.global.t('errors.forbidden'))
  })
})
