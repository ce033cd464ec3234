// Event names emitted by Go (backend/events); keep in step with the Go constants.
export const Events = {
  PayProgress: 'pay:progress',
  PayResult: 'pay:result',
  AmountDetected: 'amount:detected',
  WindowMode: 'window:mode',
  BoxScan: 'box:scan',
  BoxStatus: 'box:status',
  HotkeyPressed: 'hotkey:pressed',
  ExportProgress: 'export:progress',
  DeviceNotice: 'device:notice',
  QuitAsk: 'window:quitAsk',
} as const

export type EventName = (typeof Events)[keyof typeof Events]
