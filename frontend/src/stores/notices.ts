// Announcements: the list for the 公告 screen, the main screen's latest few, the unread badge.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { noticeApi } from '../api/notices'
import type { Notice } from '../api/types'

/** listLimit is how many announcements the list screen asks for. */
export const listLimit = 100

export const useNoticeStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  const loaded = ref(false)

  const unread = computed(() => items.value.filter((n) => !n.read).length)
  const latest = computed(() => items.value.slice(0, 3))

  /** load fetches the announcements, newest first. */
  async function load(): Promise<void> {
    const list = (await noticeApi.list(listLimit)) ?? []
    items.value = [...list].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    loaded.value = true
  }

  /** read fetches one announcement in full; Go marks it read. */
  async function read(id: number): Promise<Notice> {
    const n = await noticeApi.read(id)
    items.value = items.value.map((x) => (x.id === id ? { ...x, read: true } : x))
    return n
  }

  return { items, loaded, unread, latest, load, read }
})
