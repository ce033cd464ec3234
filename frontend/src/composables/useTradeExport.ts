// 导出 (manual §5.2): every trade of the current filter, written by Go through its save dialog
// in the app's window, or offered as a download in a browser (README browser mode); with
// export:progress, 取消 and a time limit.
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { tradeApi } from '../api/trades'
import type { ExportProgress, TradeFilter } from '../api/types'
import { Events } from '../consts/events'
import { i18n } from '../locales'
import { isBrowserMode, offerDownload } from '../utils/download'
import { showSaved } from '../utils/saved'
import { useEvent } from './useEvent'
import { useExportJob } from './useExportJob'

/** TradeExport is what useTradeExport returns. */
export interface TradeExport {
  exporting: Ref<boolean>
  progress: Ref<ExportProgress | null>
  percent: () => number
  exportAs: (format: 'csv' | 'xlsx') => Promise<void>
  cancel: () => void
}

/** useTradeExport exports all pages of filter() as CSV or XLSX, one export at a time. */
export function useTradeExport(filter: () => TradeFilter, limitMs?: number): TradeExport {
  const job = useExportJob(limitMs)
  const progress = ref<ExportProgress | null>(null)

  useEvent<ExportProgress>(Events.ExportProgress, (p) => {
    if (job.running.value) progress.value = p
  })

  async function exportAs(format: 'csv' | 'xlsx'): Promise<void> {
    if (job.running.value) return
    progress.value = null
    const f = { ...filter(), offset: 0, limit: 0 }
    const exported = (n: number) => i18n.global.t('trades.exported', { n })
    if (isBrowserMode()) {
      return job.run(
        () => tradeApi.exportDownload(f, format),
        (file) => {
          offerDownload(file.name, file.data)
          ElMessage.success(
            `${exported(file.count)}：${i18n.global.t('trades.downloaded', { name: file.name })}`,
          )
        },
      )
    }
    return job.run(
      () => tradeApi.exportTrades(f, format),
      (res) => showSaved(exported(res.count), res.path),
    )
  }

  function percent(): number {
    const p = progress.value
    return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0
  }

  return { exporting: job.running, progress, percent, exportAs, cancel: job.cancel }
}
