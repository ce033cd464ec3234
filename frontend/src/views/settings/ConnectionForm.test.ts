import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { SettingsView } from '../../api/settings'

const api = { get: vi.fn(), save: vi.fn() }
vi.mock('../../api/settings', () => ({
  settingsApi: { get: () => api.get(), save: (s: unknown, pw: string) => api.save(s, pw) },
}))
vi.mock('../../api/window', () => ({ windowApi: { quit: vi.fn() } }))

import ConnectionForm from './ConnectionForm.vue'
import { i18n, setLocale } from '../../locales'

const view = (access: string): SettingsView => ({
  mode: 'remote',
  serverUrl: 'https://xtfd.example.com',
  runningMode: 'remote',
  runningServerUrl: 'https://xtfd.example.com',
  restartRequired: false,
  access,
})
let wrapper: VueWrapper
const byId = (id: string) => wrapper.find(`[data-testid="${id}"]`)
/** inputOf is the input marked id (Element passes the testid to it) or the one inside it. */
const inputOf = (id: string) => (byId(id).element.tagName === 'INPUT' ? byId(id) : byId(id).find('input'))

async function open(access: string): Promise<void> {
  api.get.mockResolvedValue(view(access))
  wrapper = mount(ConnectionForm, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  setLocale('zh-CN')
  api.get.mockReset()
  api.save.mockReset()
})
afterEach(() => wrapper.unmount())

describe('平台连接', () => {
  it('is read-only for a cashier', async () => {
    await open('readonly')
    expect(byId('connection-readonly').text()).toBe(i18n.global.t('connection.readonly'))
    expect(byId('connection-save').exists()).toBe(false)
    expect(inputOf('connection-url').attributes('disabled')).toBeDefined()
    expect(inputOf('connection-remote').attributes('disabled')).toBeDefined()
  })

  it('asks the admin password at the login screen and shows its refusal at the field', async () => {
    await open('password')
    expect(byId('connection-readonly').exists()).toBe(false)
    await inputOf('connection-admin-password').setValue('Wrong123x')
    api.save.mockRejectedValue({ code: 'admin_password', message: '管理员密码错误，还可尝试 4 次' })
    await byId('connection-save').trigger('click')
    await flushPromises()
    expect(api.save).toHaveBeenCalledWith(
      { mode: 'remote', serverUrl: 'https://xtfd.example.com' },
      'Wrong123x',
    )
    const item = wrapper
      .findAll('.el-form-item')
      .find((i) => i.find('[data-testid="connection-admin-password"]').exists())
    expect(item?.classes()).toContain('is-error') // the message is the item's (Element renders it in a transition)
    expect(byId('connection-error').exists()).toBe(false)
  })

  it('says how to get out when the platform cannot check the password', async () => {
    await open('password')
    api.save.mockRejectedValue({ code: 'unavailable', message: 'x' })
    await byId('connection-save').trigger('click')
    await flushPromises()
    expect(byId('connection-error').text()).toBe(i18n.global.t('connection.unreachable'))
  })

  it('lets the admin (and a terminal not yet initialised) save without a password', async () => {
    for (const access of ['admin', 'open']) {
      await open(access)
      expect(byId('connection-admin-password').exists()).toBe(false)
      api.save.mockResolvedValue(undefined)
      await byId('connection-save').trigger('click')
      await flushPromises()
      expect(api.save).toHaveBeenLastCalledWith({ mode: 'remote', serverUrl: 'https://xtfd.example.com' }, '')
      wrapper.unmount()
    }
    wrapper = mount({ template: '<div />' })
  })
})
