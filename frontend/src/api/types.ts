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
/** TerminalRow is one terminal of the merchant in 终端管理. */
export interface TerminalRow {
  termNo: string
  storeName: string
  createdAt: string
  lastSeenAt: string
  revoked: boolean
  current: boolean
}

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
  'created' | 'sent' | 'pending' | 'closing' | 'success' | 'failed' | 'closed' | 'cancelled' | 'unknown'

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
  /** queries the platform sent to the bank so far */
  queries?: number
  origReqsn?: string
  cashier: string
  storeName: string
  createdAt: string
  updatedAt: string
}

/** Filter of the trade list (manual §5.1). */
export interface TradeFilter {
  day: string
  /** First and last day of the period (yyyy-MM-dd, inclusive); both '' means the one day `day`. */
  from: string
  to: string
  /** Admins: another store of the merchant (0: this terminal's). */
  storeId: number
  /** One cashier's account ('' for all); a cashier may only name their own. */
  cashier: string
  kind: string
  /** wechat, alipay or unionpay; '' for all. */
  channel: string
  status: string
  tradeNo: string
  terminal: boolean
  offset: number
  limit: number
  /** Keyset paging (exports): the trades after this one in the list's order. */
  beforeId?: number
}

/** One page of trades. */
export interface TradePage {
  trades: Trade[] | null
  total: number
  /** The longest period one query may span, in days. */
  maxDays: number
}

/** Sums of every trade a filter matches: payments, voids and refunds that moved money (fen). */
export interface TradeTotals {
  count: number
  payCount: number
  payAmount: number
  cancelCount: number
  cancelAmount: number
  refundCount: number
  refundAmount: number
  netAmount: number
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

/** Sums of one day or a period (from–to) of one store (manual §5.3). */
export interface DayStats {
  day: string
  from: string
  to: string
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
  byDay: { day: string; count: number; amount: number; net: number }[] | null
}

/** What an export or a saved picture produced; path "" when the user cancelled the dialog. */
export interface ExportResult {
  path: string
  count: number
}

/** A finished export for the browser to download (browser mode); data is base64. */
export interface FileData {
  name: string
  data: string
  count: number
}

/** The day's statistics picture: what 统计 shows and 保存图片 saves; png is base64. */
export interface StatsImage {
  day: string
  name: string
  png: string
  payCount: number
}

/** Payload of export:progress. */
export interface ExportProgress {
  done: number
  total: number
}

/** 打印配置 (manual §8.1). */
export interface PrinterSettings {
  enabled: boolean
  name: string
  copies: number
  width: 58 | 80 | number
  /** qrMode is 二维码打印方式: the printer's QR command, or a bit image for printers without one. */
  qrMode: 'command' | 'image' | string
}

/** One printed line of a receipt, as Go lays it out (printer.Line): text already fitted to the paper. */
export interface ReceiptLine {
  text: string
  /** qr, when set, makes the line a QR code of this content (text is then empty). */
  qr?: string
  /** modules are the QR code's rows ('1' dark) for the preview to draw. */
  modules?: string[]
  center: boolean
  bold: boolean
  tall: boolean
}

/** 盒子配置 (manual §8.2). */
export interface BoxSettings {
  enabled: boolean
  port: string
  baud: number
  dataBits: number
  parity: 'none' | 'odd' | 'even' | string
  stopBits: '1' | '1.5' | '2' | string
  broadcast: boolean
}

/** A code the UI translates (errors.<code>) with its parameters; message is Go's Chinese text, for the log. */
export interface CodedText {
  code: string
  params?: Record<string, unknown>
  message: string
}

/** Where the scanner box connection stands (event box:status): the words come from code and params (the port). */
export interface BoxStatus extends CodedText {
  state: 'off' | 'connected' | 'disconnected' | 'error' | 'connecting' | string
  /** seq orders the statuses; the newest (highest) one is the box's state. */
  seq: number
}

/** A screen rectangle in full-resolution pixels of one display. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** 截屏区域配置 (manual §8.3). */
export interface ScreenSettings {
  mode: 'off' | 'textbox' | 'ocr' | 'pole' | string
  dual: boolean
  display: number
  rect: Rect
  calibrated: boolean
  /** The 客显 source's ports (mode "pole"). */
  pole: PoleSettings
}

/** 客显: the port the cashier program writes its display bytes to, its baud rate, and the real display to relay to ("" = none). */
export interface PoleSettings {
  port: string
  baud: number
  relay: string
}

/** Where the 客显 source stands: code and params say why it failed; total (fen) and at (Unix ms) are the last total seen. */
export interface PoleStatus {
  state: 'off' | 'listening' | 'failed' | string
  code?: string
  params?: Record<string, string>
  total: number
  at: number
}

/** One outcome of the OCR watcher: code "read" with amount (fen), or why it abstained (settings.screen.results.<code>); count identical outcomes in a row, at (Unix ms) the last. */
export interface ScreenRead {
  at: number
  amount: number
  code: string
  confidence: number
  count: number
}

/** How the OCR watcher's reads are going: code "screen_reads_failing" while failing (settings.screen.reads.codes.<code>); reads newest first. */
export interface ScreenHealth {
  active: boolean
  floor: number
  failing: boolean
  code?: string
  reads: ScreenRead[] | null
}

/** One monitor; index 0 is 屏幕1. */
export interface DisplayInfo {
  index: number
  x: number
  y: number
  width: number
  height: number
}

/** A full-resolution screenshot of one display. */
export interface Capture {
  image: string
  width: number
  height: number
}

/** The answer of 开始对接. */
export interface ConnectResult {
  ok: boolean
  amount: number
  text: string
  confidence: number
  /** "connected" or why not: settings.screen.results.<code>, translated with params. */
  code: string
  params?: Record<string, string>
}

/** One global hotkey. */
export interface Hotkey {
  keys: string
  enabled: boolean
}

/** 快捷键配置 (manual §8.4). */
export interface HotkeySettings {
  quickPay: Hotkey
  showMain: Hotkey
  hideFloating: boolean
}

/** Registration problems per hotkey: a code with its parameters (the combo, the key…). */
export interface HotkeyStatus {
  errors: Partial<Record<'quickPay' | 'showMain', CodedText>> | null
}

/** Everything DeviceService.Settings() returns. */
export interface DeviceSettings {
  printer: PrinterSettings
  box: BoxSettings
  screen: ScreenSettings
  hotkeys: HotkeySettings
  /** pos is the POS API's settings; Go never sends the key here (PosService.Status has it). */
  pos: PosSettings
  /** 交接班 prompt: skipPrompt is 不再提示 (HandoverService.SetSkipPrompt changes it). */
  handover: { skipPrompt: boolean }
}

/** Payload of box:scan: the full code (for the form) and its masked form (for display). */
export interface BoxScan {
  code: string
  codeMasked?: string
  /** orderNo is set when the code is a receipt's QR code (an order number), not a payment code. */
  orderNo?: string
}

/** PosSettings are the POS API's (收银软件接口) saved settings: off by default. */
export interface PosSettings {
  enabled: boolean
  /** port on 127.0.0.1 (17788 by default). */
  port: number
  key: string
}

/** PosStatus is the POS API as 设置 → 截屏区域配置 shows it. */
export interface PosStatus extends PosSettings {
  state: 'off' | 'listening' | 'failed' | string
  /** addr is where it listens, e.g. 127.0.0.1:17788. */
  addr?: string
  /** code says why it failed: pos_port_busy, pos_not_loopback. */
  code?: string
}

/** PosTest is the answer of 测试 on the POS API. */
export interface PosTest {
  addr: string
  ms: number
}

/** Payload of amount:detected. */
export interface AmountDetected {
  amount: number
  source: 'ocr' | 'textbox' | 'pole' | 'pos' | string
  /** order is the cashier software's order number when the POS API asked for the amount (source pos). */
  order?: string
}

/** The window's modes. */
/** DeviceFault is the device:notice payload: background device work after a payment failed. */
export interface DeviceFault extends CodedText {
  device: 'printer' | 'broadcast' | string
  tradeId?: number
}

export type WindowMode = 'main' | 'quickpay' | 'floating'

/** Payload of window:mode. */
export interface WindowModeEvent {
  mode: WindowMode
  reason?: 'hotkey' | 'box' | 'amount' | 'user' | string
  amount?: number
  /** Where a carried amount was read; Go sets it whenever amount comes from a detection. */
  source?: 'ocr' | 'textbox' | 'pole' | 'pos'
  code?: string
  /** order is the cashier software's order number (source pos, reason pos). */
  order?: string
}

/** AboutInfo is 设置 → 关于: version, folders, platform mode, this terminal and 开机自动启动. */
export interface AboutInfo {
  version: string
  os: string
  dataDir: string
  logFile: string
  mode: string
  serverUrl?: string
  merchantNo: string
  terminalNo: string
  storeName: string
  autostart: boolean
  autostartSupported: boolean
}

/**
 * A device self-test of 导出诊断信息: the UI shows it by name and status, and the text of its
 * code (errors.<code> with params) when there is one; never the system's words.
 */
export interface CheckResult {
  name: 'printer' | 'box' | 'hotkeys' | 'screen'
  status: 'ok' | 'failed' | 'not_configured'
  code?: string
  params?: Record<string, unknown>
  millis: number
}

/** What 导出诊断信息 did: where the zip went ("" when cancelled) and the self-test. */
export interface DiagnosticsResult {
  path: string
  checks: CheckResult[]
}

/** 导出诊断信息 in a browser: the zip to download and the self-test. */
export interface DiagnosticsFile {
  file: FileData
  checks: CheckResult[]
}

/** ReconcileDiffKind is how a trade differs from Allinpay's daily statement. */
export type ReconcileDiffKind = 'only_bank' | 'only_local' | 'amount_differs' | 'status_differs'

/** ReconcileDiff is one difference of a reconciliation (ReconcileService). Money is fen. */
export interface ReconcileDiff {
  id: number
  kind: ReconcileDiffKind
  reqsn: string
  trxid: string
  tradeKind: string
  bankAmount: number
  localAmount: number
  bankStatus: string
  localStatus: string
  trxCode: string
  bankTime: string
  resolved: boolean
  note: string
}

/** ReconcileReport is one day's reconciliation; status none, running, done or failed. */
export interface ReconcileReport {
  day: string
  status: string
  errorCode?: string
  bankRows: number
  localRows: number
  matched: number
  startedAt?: string
  finishedAt?: string
  diffs: ReconcileDiff[] | null
  open: number
}
