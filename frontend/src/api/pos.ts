// PosService: the cashier software's local API (收银软件接口), set up in 设置 → 截屏区域配置.
import * as POS from '../../wailsjs/go/services/PosService'
import { call } from './bridge'
import type { PosStatus, PosTest } from './types'

export const posApi = {
  /** status is the API's settings (with the key) and whether it listens; the admin only. */
  status: () => call<PosStatus>(() => POS.Status()),
  /** save turns the API on or off on port (0 = the default 17788). */
  save: (enabled: boolean, port: number) => call<PosStatus>(() => POS.SavePos(enabled, port)),
  /** regenerate replaces the key; the old one stops working at once. */
  regenerate: () => call<PosStatus>(() => POS.RegenerateKey()),
  /** test asks the running API over loopback with the key, as the cashier software would. */
  test: () => call<PosTest>(() => POS.TestPos()),
}
