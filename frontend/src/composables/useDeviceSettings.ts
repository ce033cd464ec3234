// Opening a device settings screen: Go's saved settings fill the form, or the load error shows.
import { onMounted, ref, type Ref } from 'vue'
import type { DeviceSettings } from '../api/types'
import { useDeviceStore } from '../stores/devices'
import { errText } from '../utils/errorText'

/**
 * useDeviceSettings loads every device setting when the screen mounts and hands them to apply;
 * loading is true until then, loadError holds the translated failure.
 */
export function useDeviceSettings(apply: (s: DeviceSettings) => void): {
  loading: Ref<boolean>
  loadError: Ref<string>
} {
  const devices = useDeviceStore()
  const loading = ref(true)
  const loadError = ref('')
  onMounted(async () => {
    try {
      apply(await devices.load())
    } catch (e) {
      loadError.value = errText(e)
    } finally {
      loading.value = false
    }
  })
  return { loading, loadError }
}
