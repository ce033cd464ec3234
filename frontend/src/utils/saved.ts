// The success message after a file was written through the native save dialog (export, picture).
import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '../locales'

/** showSaved tells where a file went; nothing is shown when the user cancelled (empty path). */
export function showSaved(title: string, path: string): void {
  if (!path) return
  ElMessage({
    type: 'success',
    duration: 8000,
    showClose: true,
    customClass: 'xtf-saved',
    message: h('div', { 'data-testid': 'saved-message' }, [
      h('div', { class: 'xtf-saved-title' }, title),
      h(
        'div',
        { class: 'xtf-saved-path selectable', 'data-testid': 'saved-path' },
        i18n.global.t('trades.savedTo', { path }),
      ),
    ]),
  })
}
