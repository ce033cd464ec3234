// SettingsService: platform mode and server address (a change applies at the next start).
import * as G from '../../wailsjs/go/services/SettingsService'
import { call } from './bridge'

/** Settings are the terminal's own settings. */
export interface Settings {
  mode: 'embedded' | 'remote' | string
  serverUrl: string
}

/** SettingsView is Settings plus what is running now. */
export interface SettingsView extends Settings {
  runningMode: string
  runningServerUrl: string
  restartRequired: boolean
  /** who may save: open (not initialised), admin, password (login screen: the admin password), readonly */
  access: 'open' | 'admin' | 'password' | 'readonly' | string
}

export const settingsApi = {
  get: () => call<SettingsView>(() => G.Get()),
  /** save stores s; adminPassword is checked by the platform when nobody is logged in. */
  save: (s: Settings, adminPassword = '') => call<void>(() => G.Save(s, adminPassword)),
}
