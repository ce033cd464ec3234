import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { BoxStatus } from '../api/types'

const handlers = new Map<string, (p: unknown) => void>()
vi.mock('../api/runtime', () => ({
  onEvent: (name: string, cb: (p: unknown) => void) => {
    handlers.set(name, cb)
    return () => handlers.delete(name)
  },
}))
const api = { boxStatus: vi.fn() }
vi.mock('../api/devices', () => ({ deviceApi: { boxStatus: () => api.boxStatus() } }))

import { Events } from '../consts/events'
import { useDeviceStore } from './devices'

const status = (state: string, code: string, seq: number): BoxStatus => ({
  state,
  code,
  params: { port: 'COM7' },
  message: code,
  seq,
})

beforeEach(() => {
  handlers.clear()
  setActivePinia(createPinia())
})

describe('box status', () => {
  it('keeps the error an event brought when the save reply that crossed it says connecting', () => {
    const d = useDeviceStore()
    handlers.get(Events.BoxStatus)!(status('error', 'box_port_not_found', 2))
    d.setBoxStatus(status('connecting', 'box_connecting', 1))
    expect(d.boxStatus?.code).toBe('box_port_not_found')
  })

  it('follows every newer status, from a reply or an event', async () => {
    const d = useDeviceStore()
    d.setBoxStatus(status('connecting', 'box_connecting', 1))
    handlers.get(Events.BoxStatus)!(status('connected', 'box_connected', 2))
    expect(d.boxStatus?.state).toBe('connected')
    api.boxStatus.mockResolvedValue(status('disconnected', 'box_disconnected', 3))
    await d.loadBoxStatus()
    expect(d.boxStatus?.state).toBe('disconnected')
  })
})
