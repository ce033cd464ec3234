// NoticeService: announcements (manual §7).
import * as N from '../../wailsjs/go/services/NoticeService'
import { call } from './bridge'
import type { Notice } from './types'

export const noticeApi = {
  list: (limit: number) => call<Notice[] | null>(() => N.List(limit)),
  read: (id: number) => call<Notice>(() => N.Read(id)),
}
