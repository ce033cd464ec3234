// Browser-preview stand-in for window.runtime (events, window calls); dev only.
type Cb = (...data: unknown[]) => void
const listeners = new Map<string, Set<Cb>>()

/** emit delivers a Go-style event to the UI's subscribers. */
export function emit(name: string, ...data: unknown[]): void {
  listeners.get(name)?.forEach((cb) => cb(...data))
}

/** runtimeStub is installed as window.runtime. */
export const runtimeStub = {
  EventsOnMultiple(name: string, cb: Cb): () => void {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)!.add(cb)
    return () => listeners.get(name)?.delete(cb)
  },
  EventsOff(name: string): void {
    listeners.delete(name)
  },
  EventsOffAll(): void {
    listeners.clear()
  },
  EventsEmit: emit,
  WindowMinimise(): void {
    console.info('[mock] WindowMinimise')
  },
  Quit(): void {
    console.info('[mock] Quit')
  },
  Hide(): void {
    console.info('[mock] Hide')
  },
  async ClipboardSetText(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      return false
    }
  },
  LogInfo(msg: string): void {
    console.info(msg)
  },
}
