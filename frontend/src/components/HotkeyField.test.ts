import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import HotkeyField from './HotkeyField.vue'
import { i18n, setLocale } from '../locales'

const value = ref('Ctrl+Alt+P')
let submitted = 0
const Host = defineComponent(
  () => () =>
    h(HotkeyField, {
      modelValue: value.value,
      'onUpdate:modelValue': (v: string) => (value.value = v),
      testid: 'hk',
      onSubmit: () => submitted++,
    }),
)

let wrapper: VueWrapper
const field = () => wrapper.get('[data-testid="hk"]')

beforeEach(() => {
  setLocale('zh-CN')
  value.value = 'Ctrl+Alt+P'
  submitted = 0
  wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
})
afterEach(() => wrapper.unmount())

describe('HotkeyField', () => {
  it('captures the pressed combination', async () => {
    await field().trigger('focus')
    expect(field().text()).toBe('请按下新的快捷键…')
    await field().trigger('keydown', { key: 'Control', code: 'ControlLeft', ctrlKey: true })
    expect(field().text()).toBe('Ctrl+…')
    await field().trigger('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, shiftKey: true })
    expect(value.value).toBe('Ctrl+Shift+K')
    expect(wrapper.find('[data-testid="hk-error"]').exists()).toBe(false)
  })

  it('hints at a refused combination but keeps it for Go to judge', async () => {
    await field().trigger('focus')
    await field().trigger('keydown', { key: 'A', code: 'KeyA', shiftKey: true })
    expect(value.value).toBe('Shift+A')
    expect(wrapper.get('[data-testid="hk-error"]').text()).toBe('字母和数字键要配合 Ctrl 或 Alt 使用')
  })

  it('Esc gives the old value back; plain Enter submits', async () => {
    await field().trigger('focus')
    await field().trigger('keydown', { key: 'F9', code: 'F9' })
    expect(value.value).toBe('F9')
    await field().trigger('keydown', { key: 'Escape', code: 'Escape' })
    expect(value.value).toBe('Ctrl+Alt+P')
    await field().trigger('focus')
    await field().trigger('keydown', { key: 'Enter', code: 'Enter' })
    expect(submitted).toBe(1)
    expect(value.value).toBe('Ctrl+Alt+P')
  })
})
