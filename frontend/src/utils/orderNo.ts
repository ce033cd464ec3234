// A receipt's QR code holds the bare order number (reqsn): 24 digits, the China time
// yyyyMMddHHmmss of the trade first. Go's domain.IsOrderNo is the rule; this mirrors it so a
// keyboard scanner's burst can be told from a payment code (those start 10–15, 25–30 or 62).

const orderNo = /^20(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{10}$/

/** isOrderNo reports whether code is one of our order numbers, as a receipt's QR code carries it. */
export function isOrderNo(code: string): boolean {
  const m = orderNo.exec(code)
  if (!m) return false
  const [year, month, day, hour, min, sec] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const d = new Date(Date.UTC(2000 + year, month - 1, day, hour, min, sec))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day && hour < 24 && min < 60 && sec < 60
}

/** dayOfOrderNo is the trade day (YYYY-MM-DD, China time) an order number was made on. */
export function dayOfOrderNo(no: string): string {
  return `${no.slice(0, 4)}-${no.slice(4, 6)}-${no.slice(6, 8)}`
}
