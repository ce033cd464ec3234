import { describe, expect, it } from 'vitest'
import { formatDateTime, formatTime, today } from './time'

describe('shop time', () => {
  it('uses China time for days whatever the PC zone is', () => {
    expect(today(new Date('2026-11-25T17:48:20Z'))).toBe('2026-11-26')
    expect(today(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
  })
  it('formats trade times in China time and hides zero times', () => {
    expect(formatDateTime('2026-11-25T17:48:20.78015614Z')).toBe('2026-11-26 01:48:20')
    expect(formatTime('2026-11-25T01:02:03Z')).toBe('09:02:03')
    expect(formatDateTime('0001-01-01T00:00:00Z')).toBe('')
    expect(formatDateTime('')).toBe('')
  })
})
