// The translated text of any error, for components and stores.
import { errorText } from '../api/errors'
import { i18n } from '../locales'

/** errText translates an AppError (or anything thrown) with the current locale. */
export function errText(e: unknown): string {
  const g = i18n.global
  return errorText(e, { t: (k, p) => g.t(k, p ?? {}), te: (k) => g.te(k) })
}
