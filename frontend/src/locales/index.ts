// vue-i18n set-up: zh-CN first, en second; the chosen language is remembered locally.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'

const storageKey = 'xtf.locale'

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** setLocale switches the UI language and remembers it. */
export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  try {
    localStorage.setItem(storageKey, l)
  } catch {
    /* storage unavailable: the choice lasts this session only */
  }
}
