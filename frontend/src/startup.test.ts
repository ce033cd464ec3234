import { describe, expect, it } from 'vitest'
import { reportFirstPaint, scriptStart, type PaintedTimes } from './startup'

describe('reportFirstPaint', () => {
  it('emits once, after a frame, the page times in order on the wall clock', async () => {
    const sent: PaintedTimes[] = []
    const before = performance.timeOrigin + performance.now()
    const times = await reportFirstPaint((t) => sent.push(t))
    expect(sent).toEqual([times])
    expect(times.scriptStart).toBe(scriptStart)
    expect(times.scriptStart).toBeLessThanOrEqual(before)
    expect(times.firstRoute).toBeGreaterThanOrEqual(before)
    expect(times.firstPaint).toBeGreaterThan(times.firstRoute)
    expect(times.pageStart).toBe(performance.timeOrigin)
    expect(times.scriptStart).toBeGreaterThanOrEqual(times.pageStart)
    expect(times.firstPaint).toBeLessThanOrEqual(Date.now() + 1)
  })
})
