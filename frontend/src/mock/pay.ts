// PayService and TradeService of the browser-preview stand-in; dev only.
import type { PayProgress, Trade, TradeFilter } from '../api/types'
import { today } from '../utils/time'
import { formatFen, parseAmount } from '../utils/money'
import { isOrderNo } from '../utils/orderNo'
import { makeTrade } from './data'
import { emit } from './runtime'
import { fail, sleep, type MockState } from './state'

function channelOf(code: string): string {
  if (/^1[0-5]\d{16}$/.test(code)) return 'wechat'
  if (/^(2[5-9]|30)\d{14,22}$/.test(code)) return 'alipay'
  if (/^62\d{17}$/.test(code)) return 'unionpay'
  return ''
}

async function progress(t: Trade, seconds: number): Promise<void> {
  for (let i = 1; i <= seconds * 2; i++) {
    await sleep(500)
    const p: PayProgress = {
      tradeId: t.id,
      reqsn: t.reqsn,
      status: 'pending',
      queries: Math.floor(i / 4),
      elapsedMs: i * 500,
    }
    emit('pay:progress', p)
  }
}

/** outcome plays the simulator's script for the code's last two digits. */
async function outcome(t: Trade, tail: string): Promise<void> {
  if (tail === '90' || tail === '97') await progress(t, 4)
  else if (tail === '91' || tail === '93') await progress(t, 8)
  else await sleep(700)
  const status: Record<string, string> = { '92': 'failed', '97': 'failed', '91': 'closed', '93': 'unknown' }
  const reason: Record<string, string> = {
    '92': '余额不足',
    '97': '交易失败，请顾客重新付款',
    '91': '顾客未完成支付，订单已关闭',
  }
  t.status = status[tail] ?? 'success'
  t.errmsg = reason[tail] ?? ''
}

/** payService mirrors PayService: the Go checks, then a scripted outcome. */
export function payService(s: MockState) {
  let stop = false // 撤销本笔 asked for the payment in flight
  async function pay(amount: string, code: string, source: string): Promise<Trade> {
    const parsed = parseAmount(amount, s.terminal.payLimit)
    if ('code' in parsed)
      return fail(parsed.code, parsed.code, undefined, { limit: formatFen(s.terminal.payLimit) })
    const fen = parsed.fen
    if (isOrderNo(code))
      return fail('paycode_is_order', '这是小票上的订单号，不是付款码，请扫描顾客的付款码', 'authCode')
    const channel = channelOf(code)
    if (!channel)
      return fail('paycode_invalid', code ? '无效的付款码，请让顾客刷新后重新出示' : '请扫描或输入付款码')
    if (s.paying) return fail('pay_in_flight', '正在收款，请等待上一笔完成')
    s.paying = true
    try {
      const t = makeTrade({
        amount: fen,
        channel,
        source,
        codeMasked: '****' + code.slice(-4),
        cashier: s.app.profile?.account ?? '01',
        status: 'pending',
      })
      s.trades.unshift(t)
      stop = false
      await outcome(t, code.slice(-2))
      if (stop && t.status !== 'success') [t.status, t.errmsg] = ['closed', '订单已关闭']
      emit('pay:result', { ...t })
      // Like Go: a declined payment rejects with the acquirer's reason.
      return t.status === 'failed' ? fail('pay_failed', t.errmsg) : { ...t }
    } finally {
      s.paying = false
    }
  }
  async function cancel(): Promise<void> {
    if (!s.paying) return fail('pay_not_in_flight', '这笔收款已有结果，无需撤销')
    stop = true
  }
  return { Pay: pay, Cancel: cancel, Pending: async () => s.trades.filter((t) => t.status === 'unknown') }
}

/** reverse plays a void or refund against the preview's trades (admin password 1111111). */
async function reverse(
  s: MockState,
  kind: 'cancel' | 'refund',
  no: string,
  amount: string,
  pw: string,
): Promise<Trade> {
  if (pw !== s.cashiers[0].password) return fail('admin_password', '管理员密码错误')
  const orig = s.trades.find((t) => t.kind === 'pay' && (t.reqsn === no || t.trxid === no))
  if (!orig) return fail('not_found', '找不到该交易', 'tradeNo')
  if (orig.status !== 'success') return fail('reverse_not_allowed', '只能撤销或退货成功的交易')
  const left = orig.amount - orig.refundedAmount
  const fen = kind === 'cancel' ? orig.amount : Math.round(Number(amount) * 100)
  if (kind === 'cancel' && orig.refundedAmount > 0)
    return fail('reverse_not_allowed', '该交易已有退货或撤销，不能再撤销')
  if (fen > left) return fail('reverse_not_allowed', `退货金额超过可退金额 ${(left / 100).toFixed(2)} 元`)
  const t = makeTrade({
    kind,
    amount: fen,
    channel: orig.channel,
    origReqsn: orig.reqsn,
    status: 'pending',
    cashier: s.app.profile?.account ?? '01',
  })
  s.trades.unshift(t)
  await progress(t, 2)
  t.status = amount.endsWith('.93') ? 'unknown' : 'success'
  if (t.status === 'success') orig.refundedAmount += fen
  return { ...t }
}

/** tradeService mirrors TradeService. */
export function tradeService(s: MockState) {
  return {
    Cancel: (no: string, pw: string) => reverse(s, 'cancel', no, '', pw),
    Refund: (no: string, amount: string, pw: string) => reverse(s, 'refund', no, amount, pw),
    Lookup: async (no: string) => {
      const t = s.trades.find((x) => x.reqsn === no || x.trxid === no)
      return t ? structuredClone(t) : fail('not_found', '找不到该交易')
    },
    Recheck: async (id: number) => {
      await sleep(800)
      const t = s.trades.find((x) => x.id === id)
      if (!t) return fail('not_found', '找不到该交易')
      t.status = 'success'
      return { ...t }
    },
    Export: async (f: TradeFilter, format: string) => {
      const total = s.trades.length
      for (let done = 0; done <= total; done += 5) {
        emit('export:progress', { done: Math.min(done, total), total })
        await sleep(180)
      }
      return { path: `C:\\Users\\收银台\\Documents\\交易数据-${f.day || today()}.${format}`, count: total }
    },
    ExportDownload: async (f: TradeFilter, format: string) => {
      await sleep(400)
      const csv = '\uFEFF交易单号,交易金额\n' + s.trades.map((t) => `${t.reqsn},${t.amount / 100}`).join('\n')
      const data = btoa(String.fromCharCode(...new TextEncoder().encode(csv)))
      return { name: `交易数据-${f.day || today()}.${format}`, data, count: s.trades.length }
    },
    CancelExport: async () => {},
    StatsPicture: async (f: TradeFilter) => ({
      day: f.from || today(),
      name: `交易统计-${f.from || today()}.png`,
      png: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      payCount: s.trades.length,
    }),
    SaveStatsPNG: async (pic: { day: string }) => {
      await sleep(700)
      return { path: `C:\\Users\\收银台\\Pictures\\交易统计-${pic.day}.png`, count: 1 }
    },
    List: async (f: TradeFilter) => {
      let list = s.trades.filter(
        (t) =>
          (!f.kind || t.kind === f.kind) &&
          (!f.channel || t.channel === f.channel) &&
          (!f.status || t.status === f.status),
      )
      if (f.tradeNo) list = list.filter((t) => t.reqsn.endsWith(f.tradeNo) || t.trxid.endsWith(f.tradeNo))
      if ((f.from || f.day || today()) > today() || (f.to || f.day || today()) < today()) list = []
      return {
        trades: structuredClone(list.slice(f.offset, f.offset + f.limit)),
        total: list.length,
        maxDays: 92,
      }
    },
    Totals: async () => {
      const moved = s.trades.filter((t) => t.status === 'success' || t.status === 'cancelled')
      const sum = (k: string) => moved.filter((t) => t.kind === k).reduce((a, t) => a + t.amount, 0)
      const n = (k: string) => moved.filter((t) => t.kind === k).length
      const [pay, cancel, refund] = [sum('pay'), sum('cancel'), sum('refund')]
      return {
        count: s.trades.length,
        payCount: n('pay'),
        payAmount: pay,
        cancelCount: n('cancel'),
        cancelAmount: cancel,
        refundCount: n('refund'),
        refundAmount: refund,
        netAmount: pay - cancel - refund,
      }
    },
    Stores: async () => [
      { id: 1, name: '演示一店' },
      { id: 2, name: '演示二店' },
    ],
    Stats: async (day: string) => {
      const ok = s.trades.filter((t) => t.status === 'success')
      const of = (k: string) => ok.filter((t) => t.kind === k)
      const sum = (l: Trade[]) => l.reduce((a, t) => a + t.amount, 0)
      const byChannel = ['wechat', 'alipay', 'unionpay'].map((c) => {
        const l = of('pay').filter((t) => t.channel === c)
        return { channel: c, count: l.length, amount: sum(l) }
      })
      const byHour = Array.from({ length: 24 }, (_, hour) => {
        const l = of('pay').filter((t) => (new Date(t.createdAt).getUTCHours() + 8) % 24 === hour)
        return { hour, count: l.length, amount: sum(l) }
      }).filter((h) => h.count > 0)
      const [pay, cancel, refund] = [of('pay'), of('cancel'), of('refund')]
      return {
        day: day || today(),
        storeName: s.terminal.storeName,
        payCount: pay.length,
        payAmount: sum(pay),
        cancelCount: cancel.length,
        cancelAmount: sum(cancel),
        refundCount: refund.length,
        refundAmount: sum(refund),
        netAmount: sum(pay) - sum(cancel) - sum(refund),
        byChannel,
        byHour,
      }
    },
  }
}
