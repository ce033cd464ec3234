// The start-up trace's page side: once the first screen is mounted and drawn, tell Go when the
// page began to load, when the main script began to run, when the first route was mounted and
// when its first frame was painted, as Unix milliseconds (performance.timeOrigin + now: precise,
// and on the same clock as Go's process start, whatever the event's own delay).
import * as rt from '../wailsjs/runtime/runtime'

/** PAINTED_EVENT is desktop.PaintedEvent. */
export const PAINTED_EVENT = 'app:painted'

/** wallClock is the wall-clock time of a performance.now() reading, in milliseconds. */
const wallClock = (t: number): number => performance.timeOrigin + t

/** scriptStart is when this module (imported first by main.ts) began to run. */
export const scriptStart = wallClock(performance.now())

/** PaintedTimes is the payload of PAINTED_EVENT: Unix milliseconds. */
export interface PaintedTimes {
  pageStart: number
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
  const firstRoute = wallClock(performance.now())
  return new Promise((resolve) => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const firstPaint = wallClock(performance.now())
        const times = { pageStart: performance.timeOrigin, scriptStart, firstRoute, firstPaint }
        emit(times)
        resolve(times)
      }),
    )
  })
}

function emitToGo(times: PaintedTimes): void {
  if ((window as unknown as { runtime?: unknown }).runtime) rt.EventsEmit(PAINTED_EVENT, times)
}
