import { describe, expect, it } from 'vitest'
import { entryRoute } from './index'

describe('entryRoute', () => {
  it('sends a new terminal to 初始化, a logged-out one to 登录, and lets a session through', () => {
    expect(entryRoute(false, false)).toBe('/init')
    expect(entryRoute(true, false)).toBe('/login')
    expect(entryRoute(true, true)).toBeNull()
  })
})
