// The Wails runtime calls the UI uses, guarded so a plain browser (tests, previews) does not throw.
import * as rt from '../../wailsjs/runtime/runtime'

function hasRuntime(): boolean {
  return typeof window !== 'undefined' && !!(window as unknown as { runtime?: unknown }).runtime
}

/** onEvent subscribes to a Go event and returns the unsubscribe function. */
export function onEvent<T>(name: string, cb: (payload: T) => void): () => void {
  if (!hasRuntime()) return () => {}
  return rt.EventsOn(name, (payload: T) => cb(payload))
}

/** copyText puts text on the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  if (hasRuntime()) return rt.ClipboardSetText(text)
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
