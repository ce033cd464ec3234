// Money is integer fen everywhere; this is the one place that turns it into text and back.

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

/** DEFAULT_PAY_LIMIT is Go's domain.DefaultPayLimit: 50,000.00 yuan in fen. */
export const DEFAULT_PAY_LIMIT = 5_000_000

/** AmountCode is why typed amount text is refused: the codes of Go's domain.ParseAmount. */
export type AmountCode =
  | 'amount_empty'
  | 'amount_negative'
  | 'amount_separator'
  | 'amount_invalid'
  | 'amount_decimals'
  | 'amount_zero'
  | 'amount_too_large'

/** AmountParse is an accepted amount (fen, and the text as the field shows it) or a refusal. */
export type AmountParse = { fen: number; text: string } | { code: AmountCode }

/** maxIntDigits bounds the integer part as Go does (the fen value stays a safe integer). */
const maxIntDigits = 13

/**
 * normalizeAmountInput is the one change made to what the cashier types, applied as it is
 * typed so the field shows it: full-width digits ０–９ and the points ． 。 of a Chinese input
 * method become ASCII. Every other character stays, to be refused with a reason.
 */
export function normalizeAmountInput(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48)
    else if (ch === '．' || ch === '。') out += '.'
    else out += ch
  }
  return out
}

/**
 * parseAmount reads yuan text as fen exactly as Go's domain.ParseAmount does (the authority;
 * backend/domain/testdata/amounts.json is the table both are tested on). limit ≤ 0 means the
 * default single-payment limit.
 */
export function parseAmount(text: string, limit = DEFAULT_PAY_LIMIT): AmountParse {
  const max = limit > 0 ? limit : DEFAULT_PAY_LIMIT
  const s = normalizeAmountInput(text).replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '')
  const bad = shapeCode(s)
  if (bad) return { code: bad }
  const [whole, frac = ''] = s.split('.')
  const digits = whole.replace(/^0+/, '')
  if (digits.length > maxIntDigits) return { code: 'amount_too_large' }
  const fen = Number(digits || '0') * 100 + Number((frac + '00').slice(0, 2))
  if (fen === 0) return { code: 'amount_zero' }
  if (fen > max) return { code: 'amount_too_large' }
  return { fen, text: s }
}

/** shapeCode says why trimmed, normalised text is not digits with at most two decimals. */
function shapeCode(s: string): AmountCode | null {
  if (s === '') return 'amount_empty'
  if (/^[-－−]/.test(s)) return 'amount_negative'
  if (/[,，]/.test(s)) return 'amount_separator'
  if (!/^[0-9]+(\.[0-9]+)?$/.test(s)) return 'amount_invalid'
  if ((s.split('.')[1] ?? '').length > 2) return 'amount_decimals'
  return null
}

/** amountHint is parseAmount's refusal code, or '' when the amount can be charged. */
export function amountHint(text: string, limit = DEFAULT_PAY_LIMIT): AmountCode | '' {
  const p = parseAmount(text, limit)
  return 'code' in p ? p.code : ''
}

/** amountFen is the fen of an amount parseAmount accepts (any size), or null. */
export function amountFen(text: string): number | null {
  const p = parseAmount(text, Number.MAX_SAFE_INTEGER)
  return 'fen' in p ? p.fen : null
}
