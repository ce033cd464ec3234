// One async action at a time with its busy flag and translated error (load, verify, save…).
import { ref, type Ref } from 'vue'
import { errText } from '../utils/errorText'

/** Task is what useTask returns. */
export interface Task {
  busy: Ref<boolean>
  error: Ref<string>
  run: <T>(fn: () => Promise<T>, onError?: (e: unknown) => void) => Promise<T | undefined>
}

/**
 * useTask runs one action at a time: busy while it runs, error cleared when it starts and set to
 * the translated failure (or handed to onError instead). A call while busy is ignored.
 */
export function useTask(): Task {
  const busy = ref(false)
  const error = ref('')
  async function run<T>(fn: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    error.value = ''
    try {
      return await fn()
    } catch (e) {
      if (onError) onError(e)
      else error.value = errText(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
