// Chinese (default) UI text, merged from the feature files. Keys: screen.element.
import * as app from './app'
import * as auth from './auth'
import * as pay from './pay'
import * as trades from './trades'
import * as settings from './settings'
import * as shop from './shop'
import * as handover from './handover'
import * as errors from './errors'
import * as reconcile from './reconcile'

export default {
  ...app.zh,
  ...auth.zh,
  ...pay.zh,
  ...trades.zh,
  ...settings.zh,
  ...shop.zh,
  ...handover.zh,
  ...errors.zh,
  ...reconcile.zh,
}
