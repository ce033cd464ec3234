// English UI text (second language), merged from the feature files; same keys as zh-CN.
import * as app from './app'
import * as auth from './auth'
import * as pay from './pay'
import * as trades from './trades'
import * as settings from './settings'
import * as shop from './shop'
import * as handover from './handover'
import * as errors from './errors'
import * as reconcile from './reconcile'
import type zh from './zh-CN'

const en: typeof zh = {
  ...app.en,
  ...auth.en,
  ...pay.en,
  ...trades.en,
  ...settings.en,
  ...shop.en,
  ...handover.en,
  ...errors.en,
  ...reconcile.en,
}

export default en
