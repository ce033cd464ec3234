// The one place that reaches the Go bound services. Wails injects window.go.services.<Struct>
// (the generated frontend/wailsjs/go/services/*.js files are one-line wrappers over the same
// object); every call's rejection is normalised to AppError here.
import { AppError, toAppError } from './errors'

type BoundFn = (...args: unknown[]) => Promise<unknown>
type Bound = Record<string, Record<string, Record<string, BoundFn>>>

declare global {
  interface Window {
    go?: Bound
  }
}

/** call invokes services.<service>.<method>(...args) and rejects with an AppError. */
export async function call<T>(service: string, method: string, ...args: unknown[]): Promise<T> {
  const fn = window.go?.services?.[service]?.[method]
  if (typeof fn !== 'function') {
    throw new AppError('unavailable', `后台服务未就绪（${service}.${method}）`)
  }
  try {
    return (await fn(...args)) as T
  } catch (e) {
    throw toAppError(e)
  }
}
