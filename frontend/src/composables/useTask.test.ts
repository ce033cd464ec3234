import { describe, expect, it } from 'vitest'
import { useTask } from './useTask'

describe('useTask', () => {
  it('is busy while running, ignores a second call, and keeps the error message', async () => {
    const task = useTask()
    let release: () => void = () => undefined
    const first = task.run(() => new Promise<string>((r) => (release = () => r('done'))))
    expect(task.busy.value).toBe(true)
    expect(await task.run(async () => 'second')).toBeUndefined()
    release()
    expect(await first).toBe('done')
    expect(task.busy.value).toBe(false)
    await task.run(() => Promise.reject({ code: 'x', message: '门店不存在' }))
    expect(task.error.value).toBe('门店不存在')
    await task.run(async () => 1)
    expect(task.error.value).toBe('')
  })

  it('hands the failure to onError instead of error', async () => {
    const task = useTask()
    let seen: unknown = null
    await task.run(
      () => Promise.reject(new Error('boom')),
      (e) => (seen = e),
    )
    expect((seen as Error).message).toBe('boom')
    expect(task.error.value).toBe('')
  })
})
