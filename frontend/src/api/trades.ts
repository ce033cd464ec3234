// TradeService: trade query, day statistics, void / refund, export (manual §5, §6).
import * as T from '../../wailsjs/go/services/TradeService'
import type { platform } from '../../wailsjs/go/models'
import { call } from './bridge'
import type {
  DayStats,
  ExportResult,
  FileData,
  StatsImage,
  StoreInfo,
  Trade,
  TradeFilter,
  TradePage,
  TradeTotals,
} from './types'

const goFilter = (f: TradeFilter) => f as platform.TradeFilter

export const tradeApi = {
  list: (f: TradeFilter) => call<TradePage>(() => T.List(goFilter(f))),
  stats: (day: string) => call<DayStats>(() => T.Stats(day)),
  /** totals sums every trade matching f (all pages). */
  totals: (f: TradeFilter) => call<TradeTotals>(() => T.Totals(goFilter(f))),
  /** stores lists the merchant's stores for an admin's store filter. */
  stores: () => call<StoreInfo[] | null>(() => T.Stores()),
  /** cancel voids a same-day payment in full (撤销); blocks until final or ~75 s, emitting pay:progress. */
  cancel: (tradeNo: string, adminPassword: string) => call<Trade>(() => T.Cancel(tradeNo, adminPassword)),
  /** refund returns part or all of a payment (退货); amount is yuan text, parsed in Go. */
  refund: (tradeNo: string, amount: string, adminPassword: string) =>
    call<Trade>(() => T.Refund(tradeNo, amount, adminPassword)),
  /** lookup finds the trade with order number (reqsn) or acquirer number (trxid) on any day; not_found else. */
  lookup: (tradeNo: string) => call<Trade>(() => T.Lookup(tradeNo)),
  /** recheck asks the acquirer about a 待确认 trade now (admin). */
  recheck: (id: number) => call<Trade>(() => T.Recheck(id)),
  /** exportTrades writes every trade matching f through the native save dialog; path "" = cancelled. */
  exportTrades: (f: TradeFilter, format: 'csv' | 'xlsx') =>
    call<ExportResult>(() => T.Export(goFilter(f), format)),
  /** exportDownload is exportTrades for the browser: the file comes back to be downloaded. */
  exportDownload: (f: TradeFilter, format: 'csv' | 'xlsx') =>
    call<FileData>(() => T.ExportDownload(goFilter(f), format)),
  /** cancelExport stops the running export or picture save (it ends with export_cancelled). */
  cancelExport: () => call<void>(() => T.CancelExport()),
  /** statsPicture draws the statistics of f's period in lang as the PNG the 统计 dialog shows. */
  statsPicture: (f: TradeFilter, lang: string) => call<StatsImage>(() => T.StatsPicture(goFilter(f), lang)),
  /** saveStatsPng saves exactly that picture through the native save dialog; path "" = cancelled. */
  saveStatsPng: (pic: StatsImage) => call<ExportResult>(() => T.SaveStatsPNG(pic)),
}
