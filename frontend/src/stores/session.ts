// Who is at the till: terminal, logged-in profile, and the demo banner's data.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { sessionApi } from '../api/session'
import type { AppState, DemoInfo, Profile, TerminalInfo } from '../api/types'

export const useSessionStore = defineStore('session', () => {
  const state = ref<AppState | null>(null)
  const demo = ref<DemoInfo | null>(null)

  const terminal = computed(() => state.value?.terminal ?? null)
  const profile = computed(() => state.value?.profile ?? null)
  const initialized = computed(() => !!state.value?.initialized)
  const isAdmin = computed(() => profile.value?.role === 'admin')
  /** loggedIn: a session that may work; one on an initial password must change it first (Go refuses the rest). */
  const loggedIn = computed(() => !!profile.value?.passwordChanged)

  /** load asks Go where the app stands (start-up and after init / login / logout). */
  async function load(): Promise<AppState> {
    state.value = await sessionApi.state()
    if (state.value.demo) await refreshDemo()
    return state.value
  }

  /** refreshDemo reloads the demo banner (e.g. after an SMS code was sent). */
  async function refreshDemo(): Promise<void> {
    if (!state.value?.demo) {
      demo.value = null
      return
    }
    try {
      demo.value = await sessionApi.demo()
    } catch {
      demo.value = null
    }
  }

  function setProfile(p: Profile | null): void {
    if (state.value) state.value = { ...state.value, profile: p }
  }

  /** passwordChanged records a successful change of the logged-in account's password. */
  function passwordChanged(): void {
    if (profile.value) setProfile({ ...profile.value, passwordChanged: true })
  }

  function setTerminal(t: TerminalInfo): void {
    if (state.value) state.value = { ...state.value, initialized: true, terminal: t }
  }

  async function login(account: string, password: string): Promise<Profile> {
    const p = await sessionApi.login(account, password)
    setProfile(p)
    return p
  }

  async function logout(): Promise<void> {
    await sessionApi.logout()
    setProfile(null)
  }

  return {
    state,
    demo,
    terminal,
    profile,
    initialized,
    isAdmin,
    loggedIn,
    load,
    refreshDemo,
    setProfile,
    passwordChanged,
    setTerminal,
    login,
    logout,
  }
})
