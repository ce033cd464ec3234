// Window requests to Go from the window buttons (minimise, close, quit).
import { ElMessage } from 'element-plus'
import { errText } from './errorText'

/** windowDo runs a WindowService request; a refusal (e.g. quitting while paying) shows as a warning. */
export function windowDo(req: () => Promise<void>): void {
  req().catch((e) => ElMessage.warning(errText(e)))
}
