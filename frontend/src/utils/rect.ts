// The red rectangle of 截屏区域配置 (manual §8.3): drawn on a scaled screenshot, saved in the
// display's full-resolution pixels.
import type { Rect } from '../api/types'

/** Point is a position in the preview's CSS pixels. */
export interface Point {
  x: number
  y: number
}

/** Size is a width and height in pixels. */
export interface Size {
  width: number
  height: number
}

/** minSide is the smallest rectangle side (full-resolution pixels) that can hold an amount. */
export const minSide = 8

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi)

/** rectFromDrag turns a drag from a to b (any direction) into a rectangle kept inside the preview. */
export function rectFromDrag(a: Point, b: Point, preview: Size): Rect {
  const x1 = clamp(Math.min(a.x, b.x), 0, preview.width)
  const y1 = clamp(Math.min(a.y, b.y), 0, preview.height)
  const x2 = clamp(Math.max(a.x, b.x), 0, preview.width)
  const y2 = clamp(Math.max(a.y, b.y), 0, preview.height)
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 }
}

/** moveRect shifts r by (dx, dy) without leaving the preview. */
export function moveRect(r: Rect, dx: number, dy: number, preview: Size): Rect {
  return { ...r, x: clamp(r.x + dx, 0, preview.width - r.w), y: clamp(r.y + dy, 0, preview.height - r.h) }
}

/**
 * toScreenRect maps a rectangle on the preview (shown at preview size) to the capture's
 * full-resolution pixels: outward rounding so the digits are never cut, clamped to the image.
 */
export function toScreenRect(r: Rect, preview: Size, full: Size): Rect {
  if (preview.width <= 0 || preview.height <= 0) return { x: 0, y: 0, w: 0, h: 0 }
  const sx = full.width / preview.width
  const sy = full.height / preview.height
  const x1 = clamp(Math.floor(r.x * sx), 0, full.width)
  const y1 = clamp(Math.floor(r.y * sy), 0, full.height)
  const x2 = clamp(Math.ceil((r.x + r.w) * sx), 0, full.width)
  const y2 = clamp(Math.ceil((r.y + r.h) * sy), 0, full.height)
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 }
}

/** toPreviewRect maps a saved full-resolution rectangle onto the preview (to show it again). */
export function toPreviewRect(r: Rect, preview: Size, full: Size): Rect {
  if (full.width <= 0 || full.height <= 0) return { x: 0, y: 0, w: 0, h: 0 }
  const sx = preview.width / full.width
  const sy = preview.height / full.height
  return { x: r.x * sx, y: r.y * sy, w: r.w * sx, h: r.h * sy }
}

/** fitSize scales full into box keeping its aspect ratio (never enlarging). */
export function fitSize(full: Size, box: Size): Size {
  if (full.width <= 0 || full.height <= 0) return { width: 0, height: 0 }
  const k = Math.min(box.width / full.width, box.height / full.height, 1)
  return { width: Math.floor(full.width * k), height: Math.floor(full.height * k) }
}

/** usableRect says whether a full-resolution rectangle is big enough to read an amount from. */
export function usableRect(r: Rect | null | undefined): boolean {
  return !!r && r.w >= minSide && r.h >= minSide
}
