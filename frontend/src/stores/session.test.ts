import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Profile } from '../api/types'

const api = { login: vi.fn() }
vi.mock('../api/session', () => ({ sessionApi: { login: (a: string, p: string) => api.login(a, p) } }))

import { useSessionStore } from './session'
import { entryRoute } from '../router'

const reset: Profile = {
  account: '02',
  name: '',
  phone: '',
  remark: '',
  role: 'cashier',
  passwordChanged: false,
}

beforeEach(() => setActivePinia(createPinia()))

describe('session on an initial password', () => {
  it('is not let into the main screen until the password is changed (a reset cashier as the admin)', async () => {
    const s = useSessionStore()
    s.state = {
      mode: 'embedded',
      serverUrl: '',
      initialized: true,
      terminal: null,
      demo: false,
      profile: null,
    }
    api.login.mockResolvedValue(reset)
    await s.login('02', '1111111')
    expect(s.loggedIn).toBe(false)
    expect(entryRoute(s.initialized, s.loggedIn)).toBe('/login')
    s.passwordChanged()
    expect(s.loggedIn).toBe(true)
    expect(entryRoute(s.initialized, s.loggedIn)).toBeNull()
  })
})
