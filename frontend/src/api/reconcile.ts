// ReconcileService: 对账结果 against Allinpay's daily statement (admin; Go enforces the role).
import * as R from '../../wailsjs/go/services/ReconcileService'
import { call } from './bridge'
import type { ReconcileReport } from './types'

export const reconcileApi = {
  report: (day: string) => call<ReconcileReport>(() => R.Report(day)),
  run: (day: string) => call<ReconcileReport>(() => R.Run(day)),
  open: () => call<{ open: number }>(() => R.Open()),
}
