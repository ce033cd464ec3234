// Date and time display helpers (dayjs, local time).
import dayjs from 'dayjs'

/** formatDateTime renders an ISO time as 2026-01-02 15:04:05; empty for zero times. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso || iso.startsWith('0001-')) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : ''
}

/** formatDate renders an ISO time as 2026-01-02. */
export function formatDate(iso: string | undefined | null): string {
  const s = formatDateTime(iso)
  return s.slice(0, 10)
}

/** today is the local day as YYYY-MM-DD. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD')
}
