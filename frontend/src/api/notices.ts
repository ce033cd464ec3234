// NoticeService: announcements (manual §7).
import { call } from './bridge'
import type { Notice } from './types'

const S = 'NoticeService'

export const noticeApi = {
  list: (limit: number) => call<Notice[] | null>(S, 'List', limit),
  read: (id: number) => call<Notice>(S, 'Read', id),
}
