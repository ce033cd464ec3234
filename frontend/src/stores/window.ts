// The window's mode (manual §4.2 and the floating bubble): Go switches it itself (box scan,
// detected amount, hotkey) and says so with window:mode; the UI asks through WindowService.SetMode.
// Each mode has a route: /quickpay, /floating, or the main screens.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Router } from 'vue-router'
import { onEvent } from '../api/runtime'
import { windowApi } from '../api/window'
import type { WindowMode, WindowModeEvent } from '../api/types'
import { Events } from '../consts/events'
import { useSessionStore } from './session'

/** routeOfMode is the route of a small mode, or null for the main window. */
export function routeOfMode(mode: string): string | null {
  if (mode === 'quickpay') return '/quickpay'
  if (mode === 'floating') return '/floating'
  return null
}

/**
 * modeAllowed says whether the UI follows Go into mode: quick pay needs a logged-in cashier; the
 * bubble (a minimised login screen too) and the main window are always fine.
 */
export function modeAllowed(mode: string, loggedIn: boolean): boolean {
  return mode !== 'quickpay' || loggedIn
}

export const useWindowStore = defineStore('window', () => {
  const mode = ref<WindowMode>('main')
  /** Where Esc / the end of a quick payment returns to. */
  const returnTo = ref<WindowMode>('main')
  /** The last window:mode payload that opened quick pay (its amount / code seed the dialog). */
  const opened = ref<WindowModeEvent | null>(null)
  const lastMainPath = ref('/pay')

  /** apply records a mode change (from Go or asked for here). */
  function apply(e: WindowModeEvent): void {
    if (e.mode === 'quickpay') {
      if (mode.value !== 'quickpay') returnTo.value = mode.value === 'floating' ? 'floating' : 'main'
      opened.value = e
    }
    mode.value = e.mode
  }

  /** setMode asks Go to switch the window, then shows the mode's route. */
  async function setMode(m: WindowMode): Promise<void> {
    try {
      await windowApi.setMode(m)
    } finally {
      apply({ mode: m, reason: 'user' })
    }
  }

  /** leaveQuickPay returns from quick pay to where it was opened from. */
  function leaveQuickPay(): Promise<void> {
    return setMode(returnTo.value)
  }

  return { mode, returnTo, opened, lastMainPath, apply, setMode, leaveQuickPay }
})

/** startWindowModes routes on every window:mode and remembers the last main screen. */
export function startWindowModes(router: Router): void {
  const win = useWindowStore()
  router.afterEach((to) => {
    if (!to.meta.bare && !to.meta.public) win.lastMainPath = to.fullPath
  })
  onEvent<WindowModeEvent>(Events.WindowMode, (e) => {
    if (!e || !e.mode) return
    const session = useSessionStore()
    if (!modeAllowed(e.mode, !!session.profile)) {
      // Nobody is logged in: quick pay cannot pay; show the main window (login) instead.
      void win.setMode('main').catch(() => undefined)
      return
    }
    win.apply(e)
  })
  watch(
    () => win.mode,
    (m) => {
      const target = routeOfMode(m) ?? win.lastMainPath
      if (router.currentRoute.value.fullPath !== target) void router.replace(target)
    },
  )
}
