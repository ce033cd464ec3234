// Opening a device settings screen: Go's saved settings fill the form, or the load error shows.
// The devices are the admin's: for anyone else the screen is read-only (Go refuses a change too).
import { computed, onMounted, ref, type ComputedRef, type Ref } from 'vue'
import type { DeviceSettings } from '../api/types'
import { useDeviceStore } from '../stores/devices'
import { useSessionStore } from '../stores/session'
import { errText } from '../utils/errorText'

/**
 * useDeviceSettings loads every device setting when the screen mounts and hands them to apply;
 * loading is true until then, loadError holds the translated failure, readonly is true unless
 * the admin is logged in.
 */
export function useDeviceSettings(apply: (s: DeviceSettings) => void): {
  loading: Ref<boolean>
  loadError: Ref<string>
  readonly: ComputedRef<boolean>
} {
  const devices = useDeviceStore()
  const session = useSessionStore()
  const loading = ref(true)
  const loadError = ref('')
  const readonly = computed(() => !session.isAdmin)
  onMounted(async () => {
    try {
      apply(await devices.load())
    } catch (e) {
      loadError.value = errText(e)
    } finally {
      loading.value = false
    }
  })
  return { loading, loadError, readonly }
}
