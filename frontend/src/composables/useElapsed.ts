// Seconds a payment or reversal has been waiting, ticking locally between pay:progress events.
import { computed, onBeforeUnmount, ref, watch, type ComputedRef } from 'vue'

/** Waiting is the part of the pay / reverse store the elapsed time is read from. */
export interface Waiting {
  busy: boolean
  startedAt: number
  progress: { elapsedMs: number } | null
}

/**
 * useElapsed gives the whole seconds since the store started waiting: the larger of the local
 * clock (ticking every 250 ms while busy) and Go's last reported elapsedMs.
 */
export function useElapsed(store: Waiting): ComputedRef<number> {
  const now = ref(Date.now())
  let ticker: ReturnType<typeof setInterval> | undefined
  watch(
    () => store.busy,
    (busy) => {
      clearInterval(ticker)
      if (!busy) return
      now.value = Date.now()
      ticker = setInterval(() => (now.value = Date.now()), 250)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => clearInterval(ticker))
  return computed(() => {
    const local = store.startedAt ? now.value - store.startedAt : 0
    return Math.floor(Math.max(local, store.progress?.elapsedMs ?? 0) / 1000)
  })
}
