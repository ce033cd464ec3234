// WindowService: the one Wails window's modes (main, 副收款界面 quick pay, floating bubble).
import { bound, call } from './bridge'
import type { WindowMode } from './types'

export const windowApi = {
  setMode: (mode: WindowMode) => call<void>(() => bound('WindowService', 'SetMode')(mode)),
}
