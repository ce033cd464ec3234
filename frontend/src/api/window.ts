// WindowService: the one Wails window's modes (main, 副收款界面 quick pay, floating bubble), and
// minimise / close / quit, which Go decides (bubble or taskbar, tray, refused while paying).
import * as W from '../../wailsjs/go/services/WindowService'
import { call } from './bridge'
import type { WindowMode } from './types'

export const windowApi = {
  setMode: (mode: WindowMode) => call<void>(() => W.SetMode(mode)),
  /** minimise shows the floating bubble, or minimises when 隐藏悬浮窗 is set. */
  minimise: () => call<void>(() => W.Minimise()),
  /** close hides the window to the tray (or minimises when there is no tray). */
  close: () => call<void>(() => W.Close()),
  /** quit ends the app; refused (pay_in_flight) while a payment is in flight. */
  quit: () => call<void>(() => W.Quit()),
}
