// Small rules of the device settings screens.
import type { BoxSettings, BoxStatus } from '../api/types'
import { errText } from './errorText'

/** boxDefaults are the manual's serial settings (§8.2): 9600, 8 data bits, no parity, 1 stop bit. */
export const boxDefaults: Omit<BoxSettings, 'enabled' | 'port'> = {
  baud: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: '1',
  broadcast: false,
}

const known = ['off', 'connected', 'disconnected', 'error', 'connecting', 'closed']

/** boxStatusTag picks the words key and colour of the box status tag, and the status in words (its code translated). */
export function boxStatusTag(s: BoxStatus | null): {
  state: string
  type: 'success' | 'danger' | 'warning' | 'info'
  label: string
} {
  const state = s && known.includes(s.state) ? s.state : s ? 'unknown' : 'off'
  const type =
    state === 'connected'
      ? 'success'
      : state === 'error'
        ? 'danger'
        : state === 'disconnected' || state === 'connecting'
          ? 'warning'
          : 'info'
  return { state, type, label: s ? errText(s) : '' }
}
