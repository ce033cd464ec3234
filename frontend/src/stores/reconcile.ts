// 对账结果: the latest report for the screen and the unresolved count for the nav badge.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { reconcileApi } from '../api/reconcile'
import type { ReconcileReport } from '../api/types'

export const useReconcileStore = defineStore('reconcile', () => {
  const report = ref<ReconcileReport | null>(null)
  const open = ref(0)

  function take(r: ReconcileReport): ReconcileReport {
    report.value = r
    open.value = r.open
    return r
  }

  /** refreshOpen fetches the unresolved count (admins; a cashier's call is refused by Go). */
  async function refreshOpen(): Promise<void> {
    open.value = (await reconcileApi.open()).open
  }

  /** load fetches a day's report (the latest when day is empty). */
  async function load(day: string): Promise<ReconcileReport> {
    return take(await reconcileApi.report(day))
  }

  /** run reconciles a day now and keeps its report. */
  async function run(day: string): Promise<ReconcileReport> {
    return take(await reconcileApi.run(day))
  }

  return { report, open, refreshOpen, load, run }
})
