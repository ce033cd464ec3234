// Shared state and helpers of the browser-preview stand-in; dev only.
import type { AppState, Profile, TerminalInfo } from '../api/types'
import { demoMerchant, seedCashiers, seedNotices, seedTrades, stores } from './data'

/** fail rejects like a bound method with the ErrorFormatter's object. */
export const fail = (code: string, message: string, field?: string, params?: Record<string, unknown>) =>
  Promise.reject({ code, message, field, params })

/** sleep waits ms milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Cashier is a stored account with its password. */
export type Cashier = Profile & { password: string }

/** strip drops the password of an account. */
export function strip(c: Cashier): Profile {
  const { password: _pw, ...p } = c
  return p
}

/** newState builds the preview's state; start is init, login or main. */
export function newState(start: string) {
  const cashiers = seedCashiers()
  const terminal: TerminalInfo = {
    termNo: 'T0001',
    merchantNo: demoMerchant,
    merchantName: '通联演示商户',
    storeId: 1,
    storeName: stores[0].name,
    payLimit: 5000000,
  }
  const app: AppState = {
    mode: 'embedded',
    serverUrl: '',
    initialized: start !== 'init',
    terminal: start !== 'init' ? terminal : null,
    profile: start === 'main' ? strip(cashiers[0]) : null,
    demo: true,
  }
  return {
    app,
    terminal,
    cashiers,
    notices: seedNotices(),
    trades: seedTrades(),
    sms: { code: '', at: '' },
    captcha: '',
    paying: false,
    settings: { mode: 'embedded', serverUrl: '' },
  }
}

/** MockState is the preview's whole state. */
export type MockState = ReturnType<typeof newState>

/** sendSms "sends" a new code and shows it in the demo banner. */
export function sendSms(s: MockState) {
  s.sms = { code: String(Math.floor(100000 + Math.random() * 900000)), at: new Date().toISOString() }
  return { maskedPhone: '138****8000', resendAfter: 60, expiresIn: 300 }
}
