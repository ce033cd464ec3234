import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import SideNav from './SideNav.vue'
import { i18n, setLocale } from '../locales'

let wrapper: VueWrapper
afterEach(() => wrapper.unmount())

function nav(admin: boolean, reconcile: number): VueWrapper {
  setLocale('zh-CN')
  wrapper = mount(SideNav, {
    props: { collapsed: false, active: '/pay', unread: 0, reconcile, admin },
    global: { plugins: [i18n, ElementPlus], stubs: { RouterLink: true } },
  })
  return wrapper
}

describe('SideNav 对账结果', () => {
  it('shows the item with the open count for an admin', () => {
    const w = nav(true, 4)
    expect(w.get('[data-testid="nav-reconcile"]').text()).toContain('对账结果')
    expect(w.get('[data-testid="nav-reconcile-open"]').text()).toContain('4')
  })

  it('has no badge without open differences', () => {
    const w = nav(true, 0)
    expect(w.find('[data-testid="nav-reconcile"]').exists()).toBe(true)
    expect(w.find('[data-testid="nav-reconcile-open"]').exists()).toBe(false)
  })

  it('hides the item from a cashier', () => {
    expect(nav(false, 4).find('[data-testid="nav-reconcile"]').exists()).toBe(false)
  })
})
