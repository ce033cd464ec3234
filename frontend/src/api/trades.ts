// TradeService: trade query, day statistics, void / refund, export (manual §5, §6).
import * as T from '../../wailsjs/go/services/TradeService'
import type { platform } from '../../wailsjs/go/models'
import { call } from './bridge'
import type { DayStats, ExportResult, Trade, TradeFilter, TradePage } from './types'

const goFilter = (f: TradeFilter) => f as platform.TradeFilter

export const tradeApi = {
  list: (f: TradeFilter) => call<TradePage>(() => T.List(goFilter(f))),
  stats: (day: string) => call<DayStats>(() => T.Stats(day)),
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
  /** saveStatsPng saves the day's statistics picture through the native save dialog. */
  saveStatsPng: (day: string) => call<ExportResult>(() => T.SaveStatsPNG(day)),
}
