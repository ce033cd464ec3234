// The device settings of 设置 (manual §8.1–8.4) as Go keeps them, and the scanner box's live status.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { deviceApi } from '../api/devices'
import { onEvent } from '../api/runtime'
import type { BoxStatus, DeviceSettings } from '../api/types'
import { Events } from '../consts/events'

export const useDeviceStore = defineStore('devices', () => {
  const settings = ref<DeviceSettings | null>(null)
  const boxStatus = ref<BoxStatus | null>(null)

  /** setBoxStatus keeps s unless a newer status (a higher seq) is already known. */
  function setBoxStatus(s: BoxStatus): void {
    if (!boxStatus.value || s.seq >= boxStatus.value.seq) boxStatus.value = s
  }

  onEvent<BoxStatus>(Events.BoxStatus, setBoxStatus)

  /** load asks Go for every device setting (each settings screen calls it when opened). */
  async function load(): Promise<DeviceSettings> {
    settings.value = await deviceApi.settings()
    return settings.value
  }

  /** loadBoxStatus asks where the box stands now (the event keeps it current afterwards). */
  async function loadBoxStatus(): Promise<void> {
    try {
      setBoxStatus(await deviceApi.boxStatus())
    } catch {
      boxStatus.value = null
    }
  }

  return { settings, boxStatus, load, loadBoxStatus, setBoxStatus }
})
