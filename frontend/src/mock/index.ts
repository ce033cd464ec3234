// Browser-preview stand-in for the Go bound services (npx vite with VITE_XTF_MOCK=1). It follows
// the contract in notes/services.md closely enough to look at every screen; it is never built
// into the app and no test relies on it. ?mock=login or ?mock=main picks the starting state;
// window.xtfMock.emit plays Go's events (box:scan, amount:detected, window:mode…).
import { cashierService, noticeService, reconcileService, settingsService, systemService } from './admin'
import { deviceService, newDevices, windowService } from './devices'
import { payService, tradeService } from './pay'
import { posService } from './pos'
import { emit, runtimeStub } from './runtime'
import { handoverService } from './handover'
import { sessionService } from './session'
import { newState } from './state'

/** installMock puts the stand-in services and runtime on window. */
export function installMock(): void {
  const w = window as unknown as Record<string, unknown>
  if (w.go) return
  const s = newState(new URLSearchParams(location.search).get('mock') ?? 'init')
  w.go = {
    services: {
      SessionService: sessionService(s),
      PayService: payService(s),
      TradeService: tradeService(s),
      HandoverService: handoverService(s),
      CashierService: cashierService(s),
      NoticeService: noticeService(s),
      ReconcileService: reconcileService(),
      SettingsService: settingsService(s),
      DeviceService: deviceService(newDevices()),
      WindowService: windowService(),
      SystemService: systemService(),
      PosService: posService(),
    },
  }
  w.runtime = runtimeStub
  // Lets a preview play Go's events, e.g. xtfMock.emit('box:scan', { code: '134567890123456700' }).
  w.xtfMock = { emit }
  console.info('[xtf] mock services installed')
}
