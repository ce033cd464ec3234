// How a closed shift's slip printing reads, for the 交接班 dialog and the leave prompt.
import type { HandoverResult, HandoverSums } from '../api/handover'
import { i18n } from '../locales'
import { errText } from './errorText'

/** PrintNote is the message after a handover: what happened to its slip. */
export interface PrintNote {
  type: 'success' | 'info' | 'warning'
  text: string
}

/** printNote says whether the slip printed, was not asked for (printing off) or failed. */
export function printNote(res: HandoverResult): PrintNote {
  const t = i18n.global.t
  if (res.printError)
    return { type: 'warning', text: t('handover.printFailed', { reason: errText(res.printError) }) }
  if (res.printed) return { type: 'success', text: t('handover.printed') }
  return { type: 'info', text: t('handover.printOff') }
}

/** openCount is how many trades the shift leaves 待确认. */
export function openCount(s: HandoverSums): number {
  return s.open?.length ?? 0
}
