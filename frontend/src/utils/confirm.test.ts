import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { ElMessageBox } from 'element-plus'
import { alertBox, confirmBox } from './confirm'
import { setLocale } from '../locales'

const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
// setTimeout is faked so that the timeouts left pending can be counted; Vue's transition
// frames and Element Plus's own intervals stay real.
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })

afterEach(() => {
  ElMessageBox.close()
  document.body.innerHTML = ''
  vi.useRealTimers()
})

describe('confirmation boxes', () => {
  it('tag 是 and 否 once the box is rendered, leaving no timer behind', async () => {
    setLocale('zh-CN')
    fakeTimers()
    const answer = confirmBox('确定吗？', '确认')
    await nextTick()
    expect(byId('confirm-yes')?.textContent).toContain('是')
    expect(byId('confirm-no')?.textContent).toContain('否')
    // A timer still pending would fire after the test (and its document) is gone.
    expect(vi.getTimerCount()).toBe(0)
    byId('confirm-no')!.click()
    expect(await answer).toBe(false)
  })

  it('confirmBox resolves true on 是', async () => {
    const answer = confirmBox('确定吗？', '确认', 'info')
    await nextTick()
    byId('confirm-yes')!.click()
    expect(await answer).toBe(true)
  })

  it('alertBox tags its one button and resolves when it is pressed', async () => {
    fakeTimers()
    const done = alertBox('已完成', '提示')
    await nextTick()
    expect(vi.getTimerCount()).toBe(0)
    expect(byId('confirm-no')).toBeNull()
    byId('confirm-yes')!.click()
    await expect(done).resolves.toBeUndefined()
  })
})
