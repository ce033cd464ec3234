// DTOs of the Go bound services (backend/platform/api.go, backend/services). Money is fen.

/** Where an SMS code went and when another may be asked for. */
export interface SMSChallenge {
  maskedPhone: string
  resendAfter: number
  expiresIn: number
}

/** A store as the desktop shows it. */
export interface StoreInfo {
  id: number
  name: string
}

/** Proof of a verified SMS code plus the merchant's stores. */
export interface Grant {
  token: string
  stores: StoreInfo[] | null
}

/** An initialised terminal. */
export interface TerminalInfo {
  token?: string
  termNo: string
  merchantNo: string
  merchantName: string
  storeId: number
  storeName: string
  payLimit: number
}

/** A cashier account as shown to users. */
export interface Profile {
  account: string
  name: string
  phone: string
  remark: string
  role: string
  passwordChanged: boolean
}

/** What SessionService.State() says at start-up. */
export interface AppState {
  mode: 'embedded' | 'remote' | string
  serverUrl: string
  initialized: boolean
  terminal: TerminalInfo | null
  profile: Profile | null
  demo: boolean
  /** Why the platform could not be started or reached; shown to the user. */
  problem?: { code: string; message: string; field?: string; params?: Record<string, unknown> } | null
}

/** A payment code of the demo simulator and what it does. */
export interface TestCode {
  code: string
  outcome: string
}

/** The demo banner's data. */
export interface DemoInfo {
  enabled: boolean
  merchantNo: string
  lastSms: string
  lastSmsText?: string
  lastSmsAt: string | null
  testCodes: TestCode[] | null
}

/** Trade status values of backend/domain/trade.go. */
export type TradeStatus =
  | 'created'
  | 'sent'
  | 'pending'
  | 'closing'
  | 'success'
  | 'failed'
  | 'closed'
  | 'cancelled'
  | 'unknown'

/** A trade as the desktop shows it; the payment code only masked. */
export interface Trade {
  id: number
  reqsn: string
  kind: 'pay' | 'cancel' | 'refund' | string
  status: TradeStatus | string
  amount: number
  refundedAmount: number
  channel: 'wechat' | 'alipay' | 'unionpay' | 'unknown' | string
  source: string
  codeMasked: string
  trxid: string
  chnltrxid: string
  trxcode: string
  errmsg: string
  origReqsn?: string
  cashier: string
  storeName: string
  createdAt: string
  updatedAt: string
}

/** Filter of the trade list (manual §5.1). */
export interface TradeFilter {
  day: string
  kind: string
  status: string
  tradeNo: string
  terminal: boolean
  offset: number
  limit: number
}

/** One page of trades. */
export interface TradePage {
  trades: Trade[] | null
  total: number
}

/** Cashier list filter; empty fields match all. */
export interface CashierFilter {
  account: string
  name: string
  phone: string
}

/** Add or edit a cashier; password only when adding. */
export interface CashierInput {
  account: string
  password: string
  name: string
  phone: string
  remark: string
}

/** Image captcha; image is a data: URL. */
export interface Captcha {
  id: string
  image: string
}

/** An announcement. */
export interface Notice {
  id: number
  title: string
  body?: string
  publishedAt: string
  read: boolean
}

/** Payload of the pay:progress event. */
export interface PayProgress {
  tradeId: number
  reqsn: string
  status: string
  queries: number
  elapsedMs: number
}

/** Sums of one day of one store (manual §5.3). */
export interface DayStats {
  day: string
  storeName: string
  payCount: number
  payAmount: number
  cancelCount: number
  cancelAmount: number
  refundCount: number
  refundAmount: number
  netAmount: number
  byChannel: { channel: string; count: number; amount: number }[] | null
  byHour: { hour: number; count: number; amount: number }[] | null
}
