// The "交班后退出?" prompt at 退出登录 and at 退出 (issue 12): Go says whether to ask (a
// cashier logged in, a shift holding something, 不再提示 not chosen); the cashier picks
// 交班并退出, 直接退出 or 取消, and may choose 不再提示. Asking never blocks leaving: when Go
// cannot say, nobody is asked.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { handoverApi, type Handover, type HandoverResult } from '../api/handover'
import { windowApi } from '../api/window'
import { errText } from '../utils/errorText'
import { printNote } from '../utils/handover'
import { windowDo } from '../utils/windowDo'

export type LeaveReason = 'logout' | 'quit'
/** none: not asked; handover: handed over, then leave; skip: leave as is; cancel: stay. */
export type LeaveChoice = 'none' | 'handover' | 'skip' | 'cancel'

export const useHandoverStore = defineStore('handover', () => {
  const prompt = ref<{ reason: LeaveReason; preview: Handover } | null>(null)
  const dontAsk = ref(false)
  const working = ref(false)
  const error = ref('')
  const last = ref<HandoverResult | null>(null)
  let resolve: ((c: LeaveChoice) => void) | null = null

  /** ask shows the prompt when Go says so and resolves with the cashier's answer. */
  async function ask(reason: LeaveReason): Promise<LeaveChoice> {
    if (prompt.value) return 'cancel'
    let preview: Handover | undefined
    try {
      const q = await handoverApi.quitAsk()
      preview = q.ask ? q.preview : undefined
    } catch {
      return 'none'
    }
    if (!preview) return 'none'
    dontAsk.value = false
    error.value = ''
    prompt.value = { reason, preview }
    return new Promise((r) => (resolve = r))
  }

  /** answer is a button of the prompt; a failed handover keeps it open with the error. */
  async function answer(choice: Exclude<LeaveChoice, 'none'>): Promise<void> {
    if (!prompt.value || working.value) return
    if (choice === 'handover' && !(await handOver())) return
    if (dontAsk.value && choice !== 'cancel') await handoverApi.setSkipPrompt(true).catch(() => undefined)
    prompt.value = null
    const r = resolve
    resolve = null
    r?.(choice)
  }

  /** handOver closes the shift and says how its slip printed. */
  async function handOver(): Promise<boolean> {
    working.value = true
    error.value = ''
    try {
      last.value = await handoverApi.close()
      const note = printNote(last.value)
      ElMessage({ type: note.type, message: note.text, showClose: true })
      return true
    } catch (e) {
      error.value = errText(e)
      return false
    } finally {
      working.value = false
    }
  }

  /** quit is 退出 with the prompt first; Go still refuses while a payment is in flight. */
  async function quit(paying = false): Promise<void> {
    if (!paying && (await ask('quit')) === 'cancel') return
    windowDo(windowApi.quit)
  }

  return { prompt, dontAsk, working, error, last, ask, answer, quit }
})
