// 导出 (manual §5.2): every trade of the current filter written by Go through its save dialog,
// with export:progress shown while it runs.
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { tradeApi } from '../api/trades'
import type { ExportProgress, TradeFilter } from '../api/types'
import { Events } from '../consts/events'
import { i18n } from '../locales'
import { errText } from '../utils/errorText'
import { showSaved } from '../utils/saved'
import { useEvent } from './useEvent'

/** TradeExport is what useTradeExport returns. */
export interface TradeExport {
  exporting: Ref<boolean>
  progress: Ref<ExportProgress | null>
  percent: () => number
  exportAs: (format: 'csv' | 'xlsx') => Promise<void>
}

/** useTradeExport exports all pages of filter() as CSV or XLSX, one export at a time. */
export function useTradeExport(filter: () => TradeFilter): TradeExport {
  const exporting = ref(false)
  const progress = ref<ExportProgress | null>(null)

  useEvent<ExportProgress>(Events.ExportProgress, (p) => {
    if (exporting.value) progress.value = p
  })

  async function exportAs(format: 'csv' | 'xlsx'): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    progress.value = null
    try {
      const res = await tradeApi.exportTrades({ ...filter(), offset: 0, limit: 0 }, format)
      showSaved(i18n.global.t('trades.exported', { n: res.count }), res.path)
    } catch (e) {
      ElMessage.error(errText(e))
    } finally {
      exporting.value = false
    }
  }

  function percent(): number {
    const p = progress.value
    return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0
  }

  return { exporting, progress, percent, exportAs }
}
