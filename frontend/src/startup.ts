// The start-up trace's page side: once the first screen is mounted and drawn, tell Go when the
// main script began, when the first route was mounted and when its first frame was painted
// (performance.now milliseconds; Go places them on the process's clock with `now`).
import * as rt from '../wailsjs/runtime/runtime'

/** PAINTED_EVENT is desktop.PaintedEvent. */
export const PAINTED_EVENT = 'app:painted'

/** scriptStart is when this module (imported first by main.ts) began to run. */
export const scriptStart = performance.now()

/** PaintedTimes is the payload of PAINTED_EVENT. */
export interface PaintedTimes {
  now: number
  scriptStart: number
  firstRoute: number
  firstPaint: number
}

/**
 * reportFirstPaint is called right after the first route is mounted: it waits for the frame
 * that draws it (the second animation frame starts after the first one was painted) and emits
 * PAINTED_EVENT through emit (the Wails runtime when present, nothing in a plain browser).
 */
export function reportFirstPaint(emit: (times: PaintedTimes) => void = emitToGo): Promise<PaintedTimes> {
  const firstRoute = performance.now()
  return new Promise((resolve) => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const firstPaint = performance.now()
        const times = { now: performance.now(), scriptStart, firstRoute, firstPaint }
        emit(times)
        resolve(times)
      }),
    )
  })
}

function emitToGo(times: PaintedTimes): void {
  if ((window as unknown as { runtime?: unknown }).runtime) rt.EventsEmit(PAINTED_EVENT, times)
}
