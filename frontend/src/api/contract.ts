// Compile-time check that the UI's types (./types) have exactly the field names of Go's
// generated models (frontend/wailsjs/go/models.ts): `npm run build` fails when Go renames,
// adds or drops a field of a DTO the UI sends or reads. Nothing here runs.
import type { platform, printer, services, support } from '../../wailsjs/go/models'
import type * as UI from './types'

type Fields<T> = { [K in keyof T]-?: T[K] extends (...a: never[]) => unknown ? never : K }[keyof T]
type SameKeys<Go, Ui> = [Fields<Go>] extends [keyof Ui] ? ([keyof Ui] extends [Fields<Go>] ? true : Go) : Go

/** Contract lists each pair; a mismatch turns its `true` into Go's type and fails to compile. */
export type Contract = [
  SameKeys<platform.Trade, UI.Trade>,
  SameKeys<platform.TerminalRow, UI.TerminalRow>,
  SameKeys<platform.TradeFilter, UI.TradeFilter>,
  SameKeys<platform.TradePage, UI.TradePage>,
  SameKeys<platform.TradeTotals, UI.TradeTotals>,
  SameKeys<platform.DayStats, UI.DayStats>,
  SameKeys<services.ExportResult, UI.ExportResult>,
  SameKeys<services.FileData, UI.FileData>,
  SameKeys<services.StatsImage, UI.StatsImage>,
  SameKeys<printer.Line, UI.ReceiptLine>,
  SameKeys<services.DeviceSettings, UI.DeviceSettings>,
  SameKeys<services.PrinterSettings, UI.PrinterSettings>,
  SameKeys<services.BoxSettings, UI.BoxSettings>,
  SameKeys<services.BoxStatus, UI.BoxStatus>,
  SameKeys<services.ScreenSettings, UI.ScreenSettings>,
  SameKeys<services.Rect, UI.Rect>,
  SameKeys<services.DisplayInfo, UI.DisplayInfo>,
  SameKeys<services.Capture, UI.Capture>,
  SameKeys<services.ConnectResult, UI.ConnectResult>,
  SameKeys<services.HotkeySettings, UI.HotkeySettings>,
  SameKeys<services.Hotkey, UI.Hotkey>,
  SameKeys<services.HotkeyStatus, UI.HotkeyStatus>,
  SameKeys<support.Info, UI.AboutInfo>,
  SameKeys<support.Result, UI.CheckResult>,
  SameKeys<services.DiagnosticsResult, UI.DiagnosticsResult>,
  SameKeys<services.DiagnosticsFile, UI.DiagnosticsFile>,
  SameKeys<services.PosSettings, UI.PosSettings>,
  SameKeys<services.PosStatus, UI.PosStatus>,
  SameKeys<services.PosTest, UI.PosTest>,
]
const allTrue: Contract = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
]
void allTrue
