// One long file job at a time (导出, 保存图片, 导出诊断信息) with a 取消 and a time limit, so the
// screen can never stay on "正在准备导出…": 取消 or the limit stop Go's job (CancelExport, which
// stops whichever file job runs) and free the screen at once; an answer that comes later is
// ignored.
import { onBeforeUnmount, ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { toAppError } from '../api/errors'
import { tradeApi } from '../api/trades'
import { i18n } from '../locales'
import { errText } from '../utils/errorText'

/** jobLimitMs is how long the screen waits for a job (Go gives up after 2 min of work). */
export const jobLimitMs = 180_000

/** ExportJob is what useExportJob returns. */
export interface ExportJob {
  running: Ref<boolean>
  /** run starts fn unless a job runs; done gets its answer, errors are shown as messages. */
  run: <T>(fn: () => Promise<T>, done: (v: T) => void) => Promise<void>
  /** cancel stops the running job (取消). */
  cancel: () => void
}

/**
 * useExportJob runs long file jobs one at a time, each with 取消 and a time limit; timeoutCode
 * names the error shown when the limit is reached (errors.<code>); stopGo cancels the job on
 * the Go side (the trade export's by default).
 */
export function useExportJob(
  limitMs = jobLimitMs,
  timeoutCode = 'export_timeout',
  stopGo: () => Promise<void> = () => tradeApi.cancelExport(),
): ExportJob {
  const running = ref(false)
  let seq = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function stop(): void {
    clearTimeout(timer)
    seq++
    running.value = false
    void stopGo().catch(() => undefined)
  }

  function cancel(): void {
    if (!running.value) return
    stop()
    ElMessage.info(i18n.global.t('trades.cancelled'))
  }

  async function run<T>(fn: () => Promise<T>, done: (v: T) => void): Promise<void> {
    if (running.value) return
    const mine = ++seq
    running.value = true
    timer = setTimeout(() => {
      stop()
      ElMessage.error(i18n.global.t(`errors.${timeoutCode}`))
    }, limitMs)
    try {
      const v = await fn()
      if (mine === seq) done(v)
    } catch (e) {
      if (mine === seq && toAppError(e).code !== 'export_cancelled') ElMessage.error(errText(e))
    } finally {
      if (mine === seq) {
        clearTimeout(timer)
        running.value = false
      }
    }
  }

  onBeforeUnmount(() => {
    if (running.value) stop()
  })
  return { running, run, cancel }
}
