// Which amount source 截屏区域配置 shows as active, in the order the shop is advised to try them:
// the cashier software's own API first (exact, and it carries the order number), then its
// customer display (客显), then reading its text box, then OCR of the screen.

/** AmountSourceKey names one amount source. */
export type AmountSourceKey = 'pos' | 'pole' | 'textbox' | 'ocr'

/** adviceOrder is the order in which the shop should try the sources. */
export const adviceOrder: AmountSourceKey[] = ['pos', 'pole', 'textbox', 'ocr']

/** SourceState is how one source stands: in use, in use but failing, or not in use. */
export type SourceState = 'active' | 'failed' | 'off'

/** SourceRow is one line of the list. */
export interface SourceRow {
  key: AmountSourceKey
  state: SourceState
}

/** What the rows are computed from: the POS API's state and the screen area's saved mode. */
export interface SourceInputs {
  /** pos is the POS API's state (off, listening, failed), or '' when unknown (not the admin). */
  pos: string
  /** mode is the saved screen mode: off, textbox, ocr or pole. */
  mode: string
  /** pole is the 客显 listener's state (listening, failed, off). */
  pole: string
}

/**
 * sourceRows lists the sources in adviceOrder with their state. The POS API runs beside the one
 * screen mode (客显, text box or OCR), so up to two sources can be active at once.
 */
export function sourceRows(i: SourceInputs): SourceRow[] {
  return adviceOrder.map((key) => ({ key, state: stateOf(key, i) }))
}

function stateOf(key: AmountSourceKey, i: SourceInputs): SourceState {
  if (key === 'pos') return i.pos === 'listening' ? 'active' : i.pos === 'failed' ? 'failed' : 'off'
  if (i.mode !== key) return 'off'
  return key === 'pole' && i.pole === 'failed' ? 'failed' : 'active'
}

/** activeSources are the keys in use (failing ones included), in adviceOrder. */
export function activeSources(rows: SourceRow[]): AmountSourceKey[] {
  return rows.filter((r) => r.state !== 'off').map((r) => r.key)
}
