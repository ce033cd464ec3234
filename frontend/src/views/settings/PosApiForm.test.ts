import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { PosStatus } from '../../api/types'

const api = { status: vi.fn(), save: vi.fn(), regenerate: vi.fn(), test: vi.fn() }
vi.mock('../../api/pos', () => ({
  posApi: {
    status: () => api.status(),
    save: (e: boolean, p: number) => api.save(e, p),
    regenerate: () => api.regenerate(),
    test: () => api.test(),
  },
}))

import PosApiForm from './PosApiForm.vue'
import { i18n, setLocale } from '../../locales'

const off: PosStatus = { enabled: false, port: 17788, key: '', state: 'off' }
const on: PosStatus = {
  enabled: true,
  port: 17788,
  key: 'K'.repeat(32),
  state: 'listening',
  addr: '127.0.0.1:17788',
}
let wrapper: VueWrapper
const mountForm = async (readonly = false) => {
  wrapper = mount(PosApiForm, {
    props: { readonly },
    global: { plugins: [i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
}
const text = (id: string) => wrapper.get(`[data-testid="${id}"]`).text()

beforeEach(() => {
  setLocale('zh-CN')
  Object.values(api).forEach((f) => f.mockReset())
})
afterEach(() => wrapper.unmount())

describe('收银软件接口', () => {
  it('is off until enabled; 保存 turns it on with the port and shows the key', async () => {
    api.status.mockResolvedValue(off)
    api.save.mockResolvedValue(on)
    await mountForm()
    expect(text('pos-state')).toBe('未开启')
    expect(wrapper.find('[data-testid="pos-key"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="pos-test"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="pos-enabled"]').trigger('click')
    await wrapper.get('[data-testid="pos-save"]').trigger('click')
    await flushPromises()
    expect(api.save).toHaveBeenCalledWith(true, 17788)
    expect(text('pos-state')).toBe('已开启 · 127.0.0.1:17788')
    expect(wrapper.get<HTMLInputElement>('[data-testid="pos-key"]').element.value).toBe(on.key)
    expect(wrapper.emitted('status')!.at(-1)).toEqual([on])
  })

  it('says why it could not start, translated from the code', async () => {
    api.status.mockResolvedValue({ ...on, state: 'failed', addr: '', code: 'pos_port_busy' })
    await mountForm()
    expect(text('pos-state')).toBe('端口 17788 已被其他程序占用，请换一个端口')
    setLocale('en')
    await flushPromises()
    expect(text('pos-state')).toBe('Port 17788 is used by another program; choose another port')
  })

  it('测试 reports the answer; a refusal shows its translated code', async () => {
    api.status.mockResolvedValue(on)
    api.test.mockResolvedValueOnce({ addr: '127.0.0.1:17788', ms: 3 })
    await mountForm()
    await wrapper.get('[data-testid="pos-test"]').trigger('click')
    await flushPromises()
    expect(api.test).toHaveBeenCalledTimes(1)
    expect(document.body.textContent).toContain('接口应答正常：127.0.0.1:17788，用时 3 毫秒')
    api.test.mockRejectedValueOnce({ code: 'pos_off', message: 'x' })
    await wrapper.get('[data-testid="pos-test"]').trigger('click')
    await flushPromises()
    expect(text('pos-hint')).toBe('收银软件接口未开启，请先开启并保存')
  })

  it('重新生成 asks first, then shows the new key', async () => {
    api.status.mockResolvedValue(on)
    api.regenerate.mockResolvedValue({ ...on, key: 'N'.repeat(32) })
    await mountForm()
    await wrapper.get('[data-testid="pos-regenerate"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLElement>('.xtf-confirm-yes')!.click()
    await flushPromises()
    expect(api.regenerate).toHaveBeenCalledTimes(1)
    expect(wrapper.get<HTMLInputElement>('[data-testid="pos-key"]').element.value).toBe('N'.repeat(32))
  })

  it('shows a cashier no key and asks Go for none', async () => {
    await mountForm(true)
    expect(api.status).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="pos-key"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="pos-save"]').exists()).toBe(false)
  })
})
