// HandoverService: 交接班 (issue 12) — the shift's preview, closing it (its slip printed when
// printing is on), 交接班记录, reprints, exports and the "交班后退出?" prompt setting.
import * as H from '../../wailsjs/go/services/HandoverService'
import type { platform } from '../../wailsjs/go/models'
import { call } from './bridge'
import type { CodedText, ExportResult, FileData } from './types'

/** One channel's share of a shift; money is fen. */
export interface HandoverChannel {
  channel: string
  payCount: number
  payAmount: number
  reverseCount: number
  reverseAmount: number
  netAmount: number
}

/** A trade a handover names: still open (待确认) or settled late (from a previous shift). */
export interface HandoverTrade {
  reqsn: string
  kind: string
  status: string
  amount: number
  channel: string
  createdAt: string
}

/** What a shift reports; money is fen. */
export interface HandoverSums {
  payCount: number
  payAmount: number
  cancelCount: number
  cancelAmount: number
  refundCount: number
  refundAmount: number
  failedCount: number
  netAmount: number
  byChannel: HandoverChannel[] | null
  open: HandoverTrade[] | null
  late: HandoverTrade[] | null
}

/** A closed shift, or (no = '') the one a preview would close. */
export interface Handover {
  no: string
  seq: number
  termNo: string
  cashier: string
  storeName: string
  from: string
  to: string
  sums: HandoverSums
}

/** Filters of 交接班记录: day '' = every day; account one cashier's (admins). */
export interface HandoverFilter {
  day: string
  account: string
  offset: number
  limit: number
}

export interface HandoverPage {
  handovers: Handover[] | null
  total: number
}

/** Close's answer: the handover is made; printError says why its slip did not print. */
export interface HandoverResult {
  handover: Handover
  printed: boolean
  printError?: CodedText
}

/** Whether 退出登录 / 退出 should ask "交班后退出?", with the shift it would close. */
export interface QuitAsk {
  ask: boolean
  preview?: Handover
}

const goFilter = (f: HandoverFilter) => f as platform.HandoverFilter

export const handoverApi = {
  preview: () => call<Handover>(() => H.Preview()),
  /** close makes the handover (immutable) and prints its slip when printing is on. */
  close: () => call<HandoverResult>(() => H.Close()),
  list: (f: HandoverFilter) => call<HandoverPage>(() => H.List(goFilter(f))),
  /** reprint prints handover no (closed on day) again, marked 重打印. */
  reprint: (no: string, day: string) => call<void>(() => H.Reprint(no, day)),
  exportFile: (f: HandoverFilter, format: 'csv' | 'xlsx') =>
    call<ExportResult>(() => H.Export(goFilter(f), format)),
  exportDownload: (f: HandoverFilter, format: 'csv' | 'xlsx') =>
    call<FileData>(() => H.ExportDownload(goFilter(f), format)),
  cancelExport: () => call<void>(() => H.CancelExport()),
  quitAsk: () => call<QuitAsk>(() => H.QuitAsk()),
  /** setSkipPrompt saves 不再提示 (true) or asks again (false). */
  setSkipPrompt: (skip: boolean) => call<void>(() => H.SetSkipPrompt(skip)),
  prefs: () => call<{ skipPrompt: boolean }>(() => H.Prefs()),
}
