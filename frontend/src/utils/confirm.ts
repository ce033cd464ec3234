// Yes/no confirmation boxes (是/否) with stable test ids on their buttons.
import { nextTick } from 'vue'
import { ElMessageBox } from 'element-plus'
import { i18n } from '../locales'

// tagButtons gives the buttons of the box just opened their test ids. ElMessageBox renders the
// box at once and applies the button classes in Vue's next update, so one nextTick is enough:
// no timer, which could fire after the caller (a test, a view) and its document are gone.
async function tagButtons(): Promise<void> {
  await nextTick()
  document.querySelectorAll('.xtf-confirm-yes').forEach((b) => b.setAttribute('data-testid', 'confirm-yes'))
  document.querySelectorAll('.xtf-confirm-no').forEach((b) => b.setAttribute('data-testid', 'confirm-no'))
}

/** confirmBox asks a yes/no question and resolves true on 是. */
export async function confirmBox(
  message: string,
  title: string,
  type: 'warning' | 'info' = 'warning',
): Promise<boolean> {
  const t = i18n.global.t
  const answer = ElMessageBox.confirm(message, title, {
    confirmButtonText: t('common.yes'),
    cancelButtonText: t('common.no'),
    confirmButtonClass: 'xtf-confirm-yes',
    cancelButtonClass: 'xtf-confirm-no',
    customClass: 'xtf-confirm',
    type,
    closeOnClickModal: false,
  })
  void tagButtons()
  try {
    await answer
    return true
  } catch {
    return false
  }
}

/** alertBox shows a plain message with one 确定 button. */
export async function alertBox(message: string, title: string): Promise<void> {
  const t = i18n.global.t
  const done = ElMessageBox.alert(message, title, {
    confirmButtonText: t('common.confirm'),
    confirmButtonClass: 'xtf-confirm-yes',
    customClass: 'xtf-confirm',
    type: 'info',
  })
  void tagButtons()
  try {
    await done
  } catch {
    /* closed with the X: same as OK */
  }
}
