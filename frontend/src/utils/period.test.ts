import { describe, expect, it } from 'vitest'
import { periodDays, presetPeriod } from './period'

// 2026-03-04 is a Wednesday; 2026-03-01 a Sunday.
describe('presetPeriod', () => {
  it('takes the day in China time, not the PC zone', () => {
    // 2026-03-03 17:30 UTC is already 2026-03-04 01:30 in China.
    const now = new Date('2026-03-03T17:30:00Z')
    expect(presetPeriod('today', now)).toEqual({ from: '2026-03-04', to: '2026-03-04' })
    expect(presetPeriod('yesterday', now)).toEqual({ from: '2026-03-03', to: '2026-03-03' })
    // 15:59 UTC is 23:59 the same day in China.
    expect(presetPeriod('today', new Date('2026-03-03T15:59:00Z'))).toEqual({
      from: '2026-03-03',
      to: '2026-03-03',
    })
  })

  it('starts the week on Monday', () => {
    expect(presetPeriod('week', new Date('2026-03-04T04:00:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-04',
    })
    // A Sunday belongs to the week that began six days before.
    expect(presetPeriod('week', new Date('2026-03-01T04:00:00Z'))).toEqual({
      from: '2026-02-23',
      to: '2026-03-01',
    })
    // A Monday is its own first day.
    expect(presetPeriod('week', new Date('2026-03-02T04:00:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-02',
    })
    // Sunday 23:30 in China is Sunday 15:30 UTC: still that week.
    expect(presetPeriod('week', new Date('2026-03-08T15:30:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    })
    // Sunday 16:30 UTC is Monday 00:30 in China: a new week.
    expect(presetPeriod('week', new Date('2026-03-08T16:30:00Z'))).toEqual({
      from: '2026-03-09',
      to: '2026-03-09',
    })
  })

  it('starts the month on its first day in China', () => {
    expect(presetPeriod('month', new Date('2026-03-04T04:00:00Z'))).toEqual({
      from: '2026-03-01',
      to: '2026-03-04',
    })
    // 2026-02-28 16:10 UTC is already 1 March in China.
    expect(presetPeriod('month', new Date('2026-02-28T16:10:00Z'))).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    })
  })

  it('counts both ends of a period', () => {
    expect(periodDays({ from: '2026-03-01', to: '2026-03-01' })).toBe(1)
    expect(periodDays({ from: '2026-01-01', to: '2026-04-02' })).toBe(92)
  })
})
