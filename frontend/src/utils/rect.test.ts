import { describe, expect, it } from 'vitest'
import { fitSize, moveRect, rectFromDrag, toPreviewRect, toScreenRect, usableRect } from './rect'

const preview = { width: 960, height: 540 }
const full = { width: 1920, height: 1080 }

describe('area rectangle', () => {
  it('normalises a drag in any direction and keeps it inside the preview', () => {
    expect(rectFromDrag({ x: 300, y: 200 }, { x: 100, y: 50 }, preview)).toEqual({
      x: 100,
      y: 50,
      w: 200,
      h: 150,
    })
    expect(rectFromDrag({ x: 900, y: 500 }, { x: 2000, y: -40 }, preview)).toEqual({
      x: 900,
      y: 0,
      w: 60,
      h: 500,
    })
  })

  it('moves a rectangle without leaving the preview', () => {
    const r = { x: 10, y: 10, w: 100, h: 40 }
    expect(moveRect(r, 20, 5, preview)).toEqual({ x: 30, y: 15, w: 100, h: 40 })
    expect(moveRect(r, -50, 9999, preview)).toEqual({ x: 0, y: 500, w: 100, h: 40 })
  })

  it('maps the preview rectangle to full-resolution pixels, rounding outwards', () => {
    expect(toScreenRect({ x: 100, y: 50, w: 200, h: 30 }, preview, full)).toEqual({
      x: 200,
      y: 100,
      w: 400,
      h: 60,
    })
    // 1366×768 shown at 683.5 wide: fractional edges never cut the digits.
    const r = toScreenRect(
      { x: 10.3, y: 20.6, w: 50.2, h: 10.1 },
      { width: 683, height: 384 },
      { width: 1366, height: 768 },
    )
    expect(r).toEqual({ x: 20, y: 41, w: 101, h: 21 })
  })

  it('clamps the mapped rectangle to the screenshot and survives a zero-size preview', () => {
    expect(toScreenRect({ x: 900, y: 500, w: 100, h: 100 }, preview, full)).toEqual({
      x: 1800,
      y: 1000,
      w: 120,
      h: 80,
    })
    expect(toScreenRect({ x: 1, y: 1, w: 1, h: 1 }, { width: 0, height: 0 }, full)).toEqual({
      x: 0,
      y: 0,
      w: 0,
      h: 0,
    })
  })

  it('round-trips a saved rectangle through the preview', () => {
    const saved = { x: 1187, y: 276, w: 318, h: 90 }
    const small = fitSize(full, { width: 708, height: 500 })
    expect(small).toEqual({ width: 708, height: 398 })
    const back = toScreenRect(toPreviewRect(saved, small, full), small, full)
    expect(Math.abs(back.x - saved.x)).toBeLessThanOrEqual(1)
    expect(Math.abs(back.y - saved.y)).toBeLessThanOrEqual(2)
    expect(back.w).toBeGreaterThanOrEqual(saved.w)
    expect(back.h).toBeGreaterThanOrEqual(saved.h)
  })

  it('never enlarges a small screenshot and rejects tiny areas', () => {
    expect(fitSize({ width: 800, height: 600 }, { width: 1200, height: 900 })).toEqual({
      width: 800,
      height: 600,
    })
    expect(usableRect({ x: 0, y: 0, w: 7, h: 40 })).toBe(false)
    expect(usableRect({ x: 0, y: 0, w: 8, h: 8 })).toBe(true)
    expect(usableRect(null)).toBe(false)
  })
})
