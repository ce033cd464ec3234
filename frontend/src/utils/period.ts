// 交易查询's periods: 今天, 昨天, 本周 (from Monday), 本月 and 自定义, as yyyy-MM-dd days of the
// shop (China time), whatever the PC's own zone. The platform refuses a period longer than
// its span (range_too_long); the preset periods are always within it.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { shopOffsetMinutes } from './time'

dayjs.extend(utc)

/** PeriodPreset names a preset period; custom is one picked on the calendar. */
export type PeriodPreset = 'today' | 'yesterday' | 'week' | 'month' | 'custom'

/** periodPresets are the presets offered, in order. */
export const periodPresets: PeriodPreset[] = ['today', 'yesterday', 'week', 'month', 'custom']

/** Period is a first and last day, inclusive (yyyy-MM-dd). */
export interface Period {
  from: string
  to: string
}

const fmt = 'YYYY-MM-DD'

/** presetPeriod is the period of a preset at now (custom: today, to start from). */
export function presetPeriod(p: PeriodPreset, now: Date = new Date()): Period {
  const d = dayjs(now).utcOffset(shopOffsetMinutes)
  const today = d.format(fmt)
  switch (p) {
    case 'yesterday': {
      const y = d.subtract(1, 'day').format(fmt)
      return { from: y, to: y }
    }
    case 'week': // Monday first: day() is 0 on Sunday
      return { from: d.subtract((d.day() + 6) % 7, 'day').format(fmt), to: today }
    case 'month':
      return { from: d.date(1).format(fmt), to: today }
    default:
      return { from: today, to: today }
  }
}

/** periodDays is how many days a period spans (both ends counted). */
export function periodDays(p: Period): number {
  return dayjs.utc(p.to).diff(dayjs.utc(p.from), 'day') + 1
}
