// DeviceService and WindowService of the browser-preview stand-in; dev only.
import type {
  BoxSettings,
  BoxStatus,
  DeviceSettings,
  HotkeySettings,
  HotkeyStatus,
  PoleStatus,
  PrinterSettings,
  ScreenHealth,
  ScreenSettings,
} from '../api/types'
import { emit } from './runtime'
import { fail, sleep } from './state'

/** newDevices is the preview's device settings. */
export function newDevices(): DeviceSettings {
  return {
    printer: { enabled: true, name: 'XP-58 小票打印机', copies: 1, width: 58, qrMode: 'command' },
    box: {
      enabled: true,
      port: 'COM3',
      baud: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: '1',
      broadcast: false,
    },
    screen: {
      mode: 'off',
      dual: false,
      display: 0,
      rect: { x: 0, y: 0, w: 0, h: 0 },
      calibrated: false,
      pole: { port: '', baud: 2400, relay: '' },
    },
    hotkeys: {
      quickPay: { keys: 'Ctrl+Alt+P', enabled: true },
      showMain: { keys: 'Ctrl+Alt+M', enabled: true },
      hideFloating: false,
    },
    pos: { enabled: false, port: 17788, key: '' },
    handover: { skipPrompt: false },
  }
}

const displays = [
  { index: 0, x: 0, y: 0, width: 1920, height: 1080 },
  { index: 1, x: 1920, y: 0, width: 1366, height: 768 },
]

/** cashierScreen draws a stand-in cashier program (amount due 123.32) as a PNG data URL. */
function cashierScreen(w: number, h: number): string {
  const c = document.createElement('canvas')
  c.width = w
  c.height = h
  const g = c.getContext('2d')!
  g.fillStyle = '#3a6ea5'
  g.fillRect(0, 0, w, h)
  const [x, y, ww, hh] = [w * 0.08, h * 0.08, w * 0.84, h * 0.8]
  g.fillStyle = '#f0f0f0'
  g.fillRect(x, y, ww, hh)
  g.fillStyle = '#0a246a'
  g.fillRect(x, y, ww, 34)
  g.fillStyle = '#fff'
  g.font = '20px sans-serif'
  g.fillText('超市收银系统 V8.2 — 收银台 01', x + 12, y + 24)
  g.fillStyle = '#fff'
  g.fillRect(x + 20, y + 60, ww * 0.6, hh - 90)
  g.fillStyle = '#333'
  g.font = '18px sans-serif'
  const items = [
    ['农夫山泉 550ml', '2.00'],
    ['康师傅红烧牛肉面', '4.50'],
    ['伊利纯牛奶 250ml×12', '58.00'],
    ['金龙鱼花生油 1.8L', '45.90'],
    ['维达抽纸 3包', '12.92'],
  ]
  items.forEach(([n, p], i) => {
    g.fillText(n, x + 40, y + 100 + i * 36)
    g.fillText(p, x + ww * 0.5, y + 100 + i * 36)
  })
  const px = x + ww * 0.64
  g.fillStyle = '#000'
  g.fillRect(px, y + 60, ww * 0.33, 120)
  g.fillStyle = '#ffeb3b'
  g.font = '22px sans-serif'
  g.fillText('应收金额', px + 16, y + 92)
  g.fillStyle = '#39ff14'
  g.font = 'bold 64px monospace'
  g.fillText('123.32', px + 30, y + 160)
  return c.toDataURL('image/png')
}

/** poleStatus is the preview's 客显 listener: COM9 is taken, the others listen and saw 123.32. */
function poleStatus(s: ScreenSettings): PoleStatus {
  if (s.mode !== 'pole') return { state: 'off', total: 0, at: 0 }
  if (s.pole.port === 'COM9')
    return { state: 'failed', code: 'pole_port_busy', params: { port: 'COM9' }, total: 0, at: 0 }
  return { state: 'listening', total: 12332, at: Date.now() - 42_000 }
}

/** screenReads is the preview's OCR watcher: 123.32 read three times, then refused below the floor. */
function screenReads(s: ScreenSettings): ScreenHealth {
  if (s.mode !== 'ocr') return { active: false, floor: 0, failing: false, reads: [] }
  const now = Date.now()
  return {
    active: true,
    floor: 0.12,
    failing: false,
    reads: [
      { at: now - 4_000, amount: 0, code: 'ocr_below_floor', confidence: 0.08, count: 2 },
      { at: now - 9_000, amount: 12332, code: 'read', confidence: 0.61, count: 3 },
    ],
  }
}

/** deviceService mirrors DeviceService. */
/** mockModules stand in for Go's QR modules in the preview: a finder pattern in each corner. */
const mockModules = Array.from({ length: 21 }, (_, y) =>
  Array.from({ length: 21 }, (_, x) => {
    const fx = x < 7 ? x : x - 14
    const fy = y < 7 ? y : y - 14
    const finder = fx >= 0 && fx < 7 && fy >= 0 && fy < 7 && !(x >= 7 && y >= 7)
    if (!finder) return (x * 7 + y * 3) % 5 < 2 ? '1' : '0'
    const ring = Math.max(Math.abs(fx - 3), Math.abs(fy - 3))
    return ring === 2 ? '0' : '1'
  }).join(''),
)

export function deviceService(d: DeviceSettings) {
  let seq = 0
  const box = (state: string, code: string, port?: string): BoxStatus => ({
    state,
    code,
    params: port ? { port } : undefined,
    message: code,
    seq: ++seq,
  })
  let boxState = d.box.enabled ? box('connected', 'box_connected', d.box.port) : box('off', 'box_off')
  return {
    Settings: async () => structuredClone(d),
    Printers: async () => {
      await sleep(300)
      return ['XP-58 小票打印机', 'GP-80250 热敏打印机', 'Microsoft Print to PDF']
    },
    SavePrinter: async (p: PrinterSettings) => {
      if (p.copies < 1 || p.copies > 5) return fail('invalid_input', '打印次数须为 1–5', 'copies')
      d.printer = { ...p }
    },
    ReceiptPreview: async (p: PrinterSettings) => {
      const cols = p.width === 80 ? 48 : 32
      const pair = (k: string, v: string) => ({
        text: `${k}：${v.padStart(cols - k.length * 2 - 2)}`,
        center: false,
        bold: false,
        tall: false,
      })
      return [
        { text: '演示商户', center: true, bold: true, tall: true },
        { text: '消费凭条', center: true, bold: true, tall: false },
        { text: '='.repeat(cols), center: false, bold: false, tall: false },
        pair('门店', '演示一店'),
        pair('金额', '￥0.01'),
        { text: '-'.repeat(cols), center: false, bold: false, tall: false },
        { text: '', qr: 'TEST20261203080000', modules: mockModules, center: true, bold: false, tall: false },
        { text: 'TEST20261203080000', center: true, bold: false, tall: false },
        ...(p.copies > 1
          ? [{ text: `第 1 联 / 共 ${p.copies} 联`, center: true, bold: false, tall: false }]
          : []),
      ]
    },
    TestPrint: async (p: PrinterSettings) => {
      await sleep(600)
      if (p.name.startsWith('tcp://'))
        return fail('printer_unreachable', `无法连接打印机 ${p.name}`, undefined, {
          printer: p.name.slice(6),
        })
    },
    Reprint: async (_id: number) => {
      await sleep(300)
      if (!d.printer.enabled)
        return fail('reprint_printer_off', '打印功能未开启，请在 设置 → 打印配置 中开启')
    },
    Ports: async () => {
      await sleep(200)
      return ['COM1', 'COM3', 'COM4']
    },
    SaveBox: async (b: BoxSettings) => {
      d.box = { ...b }
      boxState = b.enabled
        ? b.port === 'COM1'
          ? box('error', 'box_port_busy', b.port)
          : box('connected', 'box_connected', b.port)
        : box('off', 'box_off')
      emit('box:status', boxState)
      return boxState
    },
    BoxStatus: async () => boxState,
    Displays: async () => displays,
    CaptureDisplay: async (i: number) => {
      await sleep(250)
      const s = displays[i] ?? displays[0]
      return { image: cashierScreen(s.width, s.height), width: s.width, height: s.height }
    },
    Connect: async (s: ScreenSettings, amount: string) => {
      await sleep(s.mode === 'textbox' ? 2500 : 900)
      if (s.mode === 'ocr' && (s.rect.w < 8 || s.rect.h < 8))
        return fail('invalid_input', '请先框选金额区域', 'rect')
      if (amount && amount !== '123.32')
        return {
          ok: false,
          amount: 12332,
          text: '123.32',
          confidence: 0.93,
          code: 'ocr_mismatch',
          params: { amount: '123.32' },
        }
      d.screen = { ...s, calibrated: !!amount }
      return { ok: true, amount: 12332, text: '123.32', confidence: 0.97, code: 'connected' }
    },
    SaveScreen: async (s: ScreenSettings) => {
      if (s.mode === 'pole' && !s.pole.port.trim())
        return fail('pole_port_missing', '请选择收银软件连接客显的串口', 'pole.port')
      d.screen = structuredClone(s)
    },
    PoleStatus: async () => poleStatus(d.screen),
    ScreenReads: async () => screenReads(d.screen),
    SaveHotkeys: async (h: HotkeySettings) => {
      d.hotkeys = structuredClone(h)
      const errors: HotkeyStatus['errors'] = {}
      if (h.showMain.enabled && h.showMain.keys === 'Ctrl+Alt+Q')
        errors.showMain = {
          code: 'hotkey_taken',
          params: { combo: 'Ctrl+Alt+Q' },
          message: 'Ctrl+Alt+Q 注册失败',
        }
      return { errors }
    },
  }
}

/** windowService mirrors WindowService: Go answers a mode change with window:mode. */
export function windowService() {
  return {
    SetMode: async (mode: string) => {
      emit('window:mode', { mode, reason: 'user' })
    },
    /** Minimise shows the bubble, as Go does without 隐藏悬浮窗. */
    Minimise: async () => {
      emit('window:mode', { mode: 'floating', reason: 'user' })
    },
    Close: async () => undefined,
    Quit: async () => {
      throw { code: 'unavailable', message: '预览模式不能退出，请关闭浏览器标签页' }
    },
  }
}
