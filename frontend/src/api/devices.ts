// DeviceService: printer, scanner box, screen area (amount detection) and hotkeys (manual §8.1–8.4).
import * as D from '../../wailsjs/go/services/DeviceService'
import type { services } from '../../wailsjs/go/models'
import { call } from './bridge'
import type {
  BoxSettings,
  BoxStatus,
  Capture,
  ConnectResult,
  DeviceSettings,
  DisplayInfo,
  HotkeySettings,
  HotkeyStatus,
  PoleStatus,
  PrinterSettings,
  ReceiptLine,
  ScreenHealth,
  ScreenSettings,
} from './types'

export const deviceApi = {
  settings: () => call<DeviceSettings>(() => D.Settings()),
  printers: () => call<string[] | null>(() => D.Printers()),
  savePrinter: (p: PrinterSettings) => call<void>(() => D.SavePrinter(p)),
  testPrint: (p: PrinterSettings) => call<void>(() => D.TestPrint(p)),
  /** receiptPreview is the sample receipt as printed (copy 1 of p.copies); 测试打印 prints these lines. */
  receiptPreview: (p: PrinterSettings) => call<ReceiptLine[] | null>(() => D.ReceiptPreview(p)),
  /** reprint is 补打: one copy of trade id's receipt again, marked 重打印. */
  reprint: (id: number) => call<void>(() => D.Reprint(id)),
  ports: () => call<string[] | null>(() => D.Ports()),
  saveBox: (b: BoxSettings) => call<BoxStatus>(() => D.SaveBox(b)),
  boxStatus: () => call<BoxStatus>(() => D.BoxStatus()),
  displays: () => call<DisplayInfo[] | null>(() => D.Displays()),
  captureDisplay: (index: number) => call<Capture>(() => D.CaptureDisplay(index)),
  /** connect runs 开始对接 once; amount is the cashier's reading (yuan text) or "". */
  connect: (s: ScreenSettings, amount: string) =>
    call<ConnectResult>(() => D.Connect(s as services.ScreenSettings, amount)),
  saveScreen: (s: ScreenSettings) => call<void>(() => D.SaveScreen(s as services.ScreenSettings)),
  /** poleStatus is the 客显 listener's status: listening, why its port failed, the last total. */
  poleStatus: () => call<PoleStatus>(() => D.PoleStatus()),
  /** screenReads is the OCR watcher's last reads with their confidence, and whether reads started failing. */
  screenReads: () => call<ScreenHealth>(() => D.ScreenReads()),
  saveHotkeys: (h: HotkeySettings) => call<HotkeyStatus>(() => D.SaveHotkeys(h as services.HotkeySettings)),
}
