// HandoverService of the browser-preview stand-in; dev only. Every trade not yet handed over
// makes up the shift; 待确认 ones are listed, not counted.
import type { Handover, HandoverFilter, HandoverTrade } from '../api/handover'
import type { Trade } from '../api/types'
import { fail, sleep, type MockState } from './state'

const closed: Handover[] = []
const claimed = new Set<number>()
let skipPrompt = false

const named = (t: Trade): HandoverTrade => ({
  reqsn: t.reqsn,
  kind: t.kind,
  status: t.status,
  amount: t.amount,
  channel: t.channel,
  createdAt: t.createdAt,
})

/** shift adds up the trades no handover claimed yet. */
function shift(s: MockState): Handover {
  const ts = s.trades.filter((t) => !claimed.has(t.id))
  const done = ts.filter((t) => t.status === 'success')
  const sum = (kind: string) => done.filter((t) => t.kind === kind).reduce((a, t) => a + t.amount, 0)
  const count = (kind: string) => done.filter((t) => t.kind === kind).length
  const channels = [...new Set(done.map((t) => t.channel))].map((channel) => {
    const of = done.filter((t) => t.channel === channel)
    const pay = of.filter((t) => t.kind === 'pay').reduce((a, t) => a + t.amount, 0)
    const back = of.filter((t) => t.kind !== 'pay').reduce((a, t) => a + t.amount, 0)
    return {
      channel,
      payCount: of.filter((t) => t.kind === 'pay').length,
      payAmount: pay,
      reverseCount: of.filter((t) => t.kind !== 'pay').length,
      reverseAmount: back,
      netAmount: pay - back,
    }
  })
  const now = new Date().toISOString()
  return {
    no: '',
    seq: closed.length + 1,
    termNo: s.app.terminal?.termNo ?? '',
    cashier: s.app.profile?.account ?? '',
    storeName: s.app.terminal?.storeName ?? '',
    from: closed[0]?.to ?? ts[ts.length - 1]?.createdAt ?? now,
    to: now,
    sums: {
      payCount: count('pay'),
      payAmount: sum('pay'),
      cancelCount: count('cancel'),
      cancelAmount: sum('cancel'),
      refundCount: count('refund'),
      refundAmount: sum('refund'),
      failedCount: ts.filter((t) => t.status === 'failed' || t.status === 'closed').length,
      netAmount: sum('pay') - sum('cancel') - sum('refund'),
      byChannel: channels,
      open: ts.filter((t) => t.status === 'unknown' || t.status === 'pending').map(named),
      late: [],
    },
  }
}

/** handoverService mirrors HandoverService. */
export function handoverService(s: MockState) {
  return {
    Preview: async () => shift(s),
    Close: async () => {
      await sleep(500)
      const h = { ...shift(s) }
      h.no = `JB${h.termNo}-${h.cashier}-${h.seq}`
      s.trades
        .filter((t) => t.status === 'success' || t.status === 'failed')
        .forEach((t) => claimed.add(t.id))
      closed.unshift(h)
      return { handover: h, printed: false }
    },
    List: async (f: HandoverFilter) => {
      const all = closed.filter(
        (h) => (!f.day || h.to.startsWith(f.day)) && (!f.account || h.cashier === f.account),
      )
      return { handovers: all.slice(f.offset, f.offset + (f.limit || 50)), total: all.length }
    },
    Reprint: async (no: string) =>
      closed.some((h) => h.no === no) ? undefined : fail('handover_not_found', '找不到这条交接班记录'),
    Export: async (_f: HandoverFilter, format: string) => ({
      path: `C:\\Users\\收银台\\Documents\\交接班记录.${format}`,
      count: closed.length,
    }),
    ExportDownload: async (_f: HandoverFilter, format: string) => ({
      name: `交接班记录.${format}`,
      data: btoa('\uFEFF'),
      count: closed.length,
    }),
    CancelExport: async () => {},
    QuitAsk: async () => {
      const h = shift(s)
      const busy = h.sums.payCount + h.sums.failedCount + (h.sums.open?.length ?? 0) > 0
      return { ask: !skipPrompt && !!s.app.profile && busy, preview: h }
    },
    ShouldAsk: async () => false,
    SetSkipPrompt: async (v: boolean) => void (skipPrompt = v),
    Prefs: async () => ({ skipPrompt }),
  }
}
