// 补打 in 交易查询: a row's receipt once more (Go marks it 重打印), one at a time, with a
// message either way.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { deviceApi } from '../../api/devices'
import type { Trade } from '../../api/types'
import { errText } from '../../utils/errorText'

/** useReprint gives the id of the row being reprinted (0: none) and the 补打 action. */
export function useReprint() {
  const { t } = useI18n()
  const reprinting = ref(0)
  async function reprint(row: Trade): Promise<void> {
    if (reprinting.value) return
    reprinting.value = row.id
    try {
      await deviceApi.reprint(row.id)
      ElMessage.success(t('trades.reprinted'))
    } catch (e) {
      ElMessage.error(errText(e))
    } finally {
      reprinting.value = 0
    }
  }
  return { reprinting, reprint }
}
