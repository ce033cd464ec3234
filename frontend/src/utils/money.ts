// Money is integer fen everywhere; this is the one place that turns it into text.

/** formatFen renders fen as yuan with two decimals: 1230 → "12.30", -1 → "-0.01". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—'
  const n = Math.trunc(fen)
  const sign = n < 0 ? '-' : ''
  const abs = Math.abs(n)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`
}

/** AmountHint is a client-side early hint about typed amount text; Go stays the authority. */
export type AmountHint = '' | 'amount_empty' | 'amount_invalid' | 'amount_decimals' | 'amount_zero'

const amountShape = /^\d*(\.\d*)?$/

/** amountHint checks what a cashier typed (yuan text) before it goes to Go. */
export function amountHint(text: string): AmountHint {
  const s = text.trim()
  if (s === '') return 'amount_empty'
  if (!amountShape.test(s) || s === '.') return 'amount_invalid'
  const frac = s.split('.')[1] ?? ''
  if (frac.length > 2) return 'amount_decimals'
  if (!/[1-9]/.test(s)) return 'amount_zero'
  return ''
}

/** sanitizeAmountInput keeps only digits and one dot, for the amount field as it is typed. */
export function sanitizeAmountInput(text: string): string {
  let out = ''
  let dot = false
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') out += ch
    else if ((ch === '.' || ch === '。') && !dot) {
      out += '.'
      dot = true
    }
  }
  return out
}

/** yuanToFen reads well-formed yuan text ("12.3") as fen (1230) for comparisons; null otherwise. */
export function yuanToFen(text: string): number | null {
  const s = text.trim()
  if (amountHint(s) !== '' && amountHint(s) !== 'amount_zero') return null
  const [whole, frac = ''] = s.split('.')
  const fen = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2))
  return Number.isSafeInteger(fen) ? fen : null
}
