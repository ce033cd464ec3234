// Date and time display. Days and times are the shop's: China time (UTC+8), the platform's
// business-day zone, whatever the PC's own time zone is set to.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** shopOffsetMinutes is the shop's offset from UTC (China, no daylight saving). */
export const shopOffsetMinutes = 8 * 60

/** formatDateTime renders an ISO time as 2026-01-02 15:04:05 shop time; empty for zero times. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso || iso.startsWith('0001-')) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.utcOffset(shopOffsetMinutes).format('YYYY-MM-DD HH:mm:ss') : ''
}

/** formatDate renders an ISO time as 2026-01-02 shop time. */
export function formatDate(iso: string | undefined | null): string {
  return formatDateTime(iso).slice(0, 10)
}

/** formatTime renders an ISO time as 15:04:05 shop time. */
export function formatTime(iso: string | undefined | null): string {
  return formatDateTime(iso).slice(11)
}

/** today is the shop's business day as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return dayjs(now).utcOffset(shopOffsetMinutes).format('YYYY-MM-DD')
}
