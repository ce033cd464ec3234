// The one place that turns a bound-service promise into the UI's types and errors. The calls
// themselves go through the generated frontend/wailsjs/go/services/* modules; every rejection
// is normalised to AppError here.
import { AppError, toAppError } from './errors'

function goReady(): boolean {
  return typeof window !== 'undefined' && !!(window as unknown as { go?: unknown }).go
}

let onUnauthenticated: (() => void) | null = null

/** setUnauthenticatedHandler registers what to do when a session or terminal token has expired. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn
}

/** call runs one generated binding and rejects with an AppError. */
export async function call<T>(run: () => Promise<unknown>): Promise<T> {
  if (!goReady()) throw new AppError('unavailable', '后台服务未就绪')
  try {
    return (await run()) as T
  } catch (e) {
    const err = toAppError(e)
    if (err.code === 'unauthenticated') onUnauthenticated?.()
    throw err
  }
}
