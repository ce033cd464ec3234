import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Profile } from '../../api/types'

vi.mock('../../api/runtime', () => ({ onEvent: () => () => {} }))
const api = { list: vi.fn(), add: vi.fn(), remove: vi.fn() }
vi.mock('../../api/cashiers', () => ({
  cashierApi: {
    list: (...a: unknown[]) => api.list(...a),
    add: (...a: unknown[]) => api.add(...a),
    remove: (...a: unknown[]) => api.remove(...a),
  },
}))

import CashiersView from './CashiersView.vue'
import { i18n, setLocale } from '../../locales'
import { useSessionStore } from '../../stores/session'

const person = (account: string, role = 'cashier'): Profile => ({
  account,
  name: account === '01' ? '管理员' : '小王',
  phone: '',
  remark: '',
  role,
  passwordChanged: true,
})
let wrapper: VueWrapper
const inBody = (sel: string) => document.querySelector<HTMLElement>(sel)

async function open(): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().state = {
    mode: 'embedded',
    serverUrl: '',
    initialized: true,
    terminal: null,
    demo: false,
    profile: person('01', 'admin'),
  }
  wrapper = mount(CashiersView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
  api.list.mockResolvedValue([person('01', 'admin'), person('03')])
})
afterEach(() => wrapper.unmount())

describe('门店收银员配置', () => {
  it('does not offer 删除 for admin 01', async () => {
    await open()
    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-testid="cashiers-delete"]').exists()).toBe(false)
    expect(rows[0].find('[data-testid="cashiers-reset"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="cashiers-delete"]').exists()).toBe(true)
  })

  it('states the new-cashier password rule without 旧密码, and names the failed part', async () => {
    await open()
    await wrapper.get('[data-testid="cashiers-add"]').trigger('click')
    await flushPromises()
    const rule = inBody('[data-testid="cashier-password-rule"]')!
    expect(rule.textContent).not.toContain('旧密码')
    expect(rule.textContent).toContain(i18n.global.t('password.ruleNew'))
  })

  it('translates the refusal of deleting an admin with its own reason', () => {
    expect(i18n.global.t('errors.admin_undeletable', { account: '01' })).toBe(
      '管理员账号 01 不能删除：重新初始化时要用它登录',
    )
    expect(i18n.global.t('errors.admin_undeletable', { account: '01' })).not.toBe(
      i18n.global.t('errors.forbidden'),
    )
  })
})
