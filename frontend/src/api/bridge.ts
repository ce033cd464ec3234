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

type BoundMethod = (...args: unknown[]) => Promise<unknown>

/**
 * bound finds a method of a bound Go service the way the generated wailsjs modules do
 * (window.go.services.<Service>.<Method>). The wave-2 services are called through it until
 * their generated modules are committed; a method Go does not bind yet rejects with
 * "unavailable" instead of throwing.
 */
export function bound(service: string, method: string): BoundMethod {
  return (...args: unknown[]) => {
    const go = (window as unknown as { go?: { services?: Record<string, Record<string, BoundMethod>> } }).go
    const fn = go?.services?.[service]?.[method]
    if (typeof fn !== 'function') {
      return Promise.reject(new AppError('unavailable', `后台尚未提供 ${service}.${method}`))
    }
    return fn(...args)
  }
}
