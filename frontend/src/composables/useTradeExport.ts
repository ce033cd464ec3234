// 导出 (manual §5.2): every trade of the current filter, written by Go through its save dialog
// in the app's window, or offered as a download in a browser (README browser mode); with
// export:progress, 取消 and a time limit.
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { tradeApi } from '../api/trades'
import type { ExportProgress, ExportResult, FileData, TradeFilter } from '../api/types'
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

/** ExportCalls are the Go calls of one kind of export and the text of its success. */
export interface ExportCalls<F> {
  save: (f: F, format: 'csv' | 'xlsx') => Promise<ExportResult>
  download: (f: F, format: 'csv' | 'xlsx') => Promise<FileData>
  cancel: () => Promise<void>
  /** exported is the message for n exported rows. */
  exported: (n: number) => string
}

const tradeCalls: ExportCalls<TradeFilter> = {
  save: (f, format) => tradeApi.exportTrades(f, format),
  download: (f, format) => tradeApi.exportDownload(f, format),
  cancel: () => tradeApi.cancelExport(),
  exported: (n) => i18n.global.t('trades.exported', { n }),
}

/** useTradeExport exports all pages of filter() as CSV or XLSX, one export at a time. */
export function useTradeExport(filter: () => TradeFilter, limitMs?: number): TradeExport {
  return useFileExport(filter, tradeCalls, limitMs)
}

/** useFileExport is useTradeExport for any export calls (交接班记录 too). */
export function useFileExport<F extends { offset: number; limit: number }>(
  filter: () => F,
  calls: ExportCalls<F>,
  limitMs?: number,
): TradeExport {
  const job = useExportJob(limitMs, undefined, calls.cancel)
  const progress = ref<ExportProgress | null>(null)

  useEvent<ExportProgress>(Events.ExportProgress, (p) => {
    if (job.running.value) progress.value = p
  })

  async function exportAs(format: 'csv' | 'xlsx'): Promise<void> {
    if (job.running.value) return
    progress.value = null
    const f = { ...filter(), offset: 0, limit: 0 }
    if (isBrowserMode()) {
      return job.run(
        () => calls.download(f, format),
        (file) => {
          offerDownload(file.name, file.data)
          ElMessage.success(
            `${calls.exported(file.count)}：${i18n.global.t('trades.downloaded', { name: file.name })}`,
          )
        },
      )
    }
    return job.run(
      () => calls.save(f, format),
      (res) => showSaved(calls.exported(res.count), res.path),
    )
  }

  function percent(): number {
    const p = progress.value
    return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0
  }

  return { exporting: job.running, progress, percent, exportAs, cancel: job.cancel }
}
