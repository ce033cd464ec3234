import { describe, expect, it } from 'vitest'
import { AppError, toAppError } from './errors'
import { errText } from '../utils/errorText'
import { i18n, setLocale } from '../locales'

describe('toAppError', () => {
  it('keeps the ErrorFormatter object', () => {
    const e = toAppError({
      code: 'amount_too_large',
      message: '金额超过单笔限额 50000.00 元',
      params: { limit: '50000.00' },
    })
    expect(e).toBeInstanceOf(AppError)
    expect(e.code).toBe('amount_too_large')
    expect(e.params).toEqual({ limit: '50000.00' })
  })

  it('parses the JSON text and the plain "code: message" text', () => {
    expect(toAppError('{"code":"sms_invalid","message":"短信验证码错误","field":"code"}').field).toBe('code')
    const plain = toAppError('login_failed: 账号或密码错误')
    expect([plain.code, plain.message]).toEqual(['login_failed', '账号或密码错误'])
  })

  it('turns anything else into internal', () => {
    expect(toAppError('boom').code).toBe('internal')
    expect(toAppError(new Error('x')).code).toBe('internal')
    expect(toAppError(undefined).code).toBe('internal')
  })
})

describe('errText', () => {
  it('translates codes with the backend params', () => {
    setLocale('zh-CN')
    expect(errText({ code: 'amount_too_large', message: 'x', params: { limit: '50000.00' } })).toBe(
      '金额超过单笔限额 50000.00 元',
    )
    expect(errText({ code: 'sms_expired', message: 'whatever' })).toBe('短信验证码已过期，请重新获取')
  })

  it("shows the acquirer's reason for a declined payment", () => {
    setLocale('zh-CN')
    expect(errText({ code: 'pay_failed', message: '余额不足' })).toBe('余额不足')
    setLocale('en')
    expect(errText({ code: 'pay_failed', message: '余额不足' })).toBe('Declined: 余额不足')
    setLocale('zh-CN')
  })

  it('falls back to the backend message for unknown codes', () => {
    expect(errText({ code: 'brand_new_code', message: '新的错误说明' })).toBe('新的错误说明')
    expect(errText({ code: 'brand_new_code', message: '' })).toBe(i18n.global.t('errors.internal'))
  })

  it('says what is wrong with the PC speech in the cashier language, naming no program', () => {
    for (const l of ['zh-CN', 'en'] as const) {
      setLocale(l)
      for (const code of ['tts_unavailable', 'tts_failed', 'box_broadcast_unsupported']) {
        const text = errText({
          code,
          message: '电脑未安装语音播报程序（espeak-ng）',
          params: { detail: 'powershell.exe' },
        })
        expect(text, `${l} ${code}`).not.toMatch(/espeak|powershell|程序/i)
        expect(text, `${l} ${code}`).toMatch(l === 'en' ? /speech|voice/i : /语音/)
      }
    }
    setLocale('zh-CN')
  })

  it('has a translation for every backend code in both languages', () => {
    const codes = [
      'internal',
      'invalid_input',
      'not_found',
      'forbidden',
      'unauthenticated',
      'unavailable',
      'amount_empty',
      'amount_negative',
      'amount_separator',
      'amount_invalid',
      'amount_decimals',
      'amount_zero',
      'amount_too_large',
      'paycode_invalid',
      'paycode_is_order',
      'reprint_printer_off',
      'reprint_no_receipt',
      'pay_in_flight',
      'pay_not_in_flight',
      'paycode_used',
      'pay_failed',
      'pay_rejected',
      'pay_unsure',
      'reverse_not_allowed',
      'admin_password',
      'sms_invalid',
      'sms_expired',
      'sms_too_many',
      'sms_too_soon',
      'login_failed',
      'account_locked',
      'bound_elsewhere',
      'export_too_large',
      'export_cancelled',
      'export_timeout',
      'export_failed',
      'password_short',
      'password_long',
      'password_chars',
      'password_no_letter',
      'password_no_digit',
      'password_initial',
      'password_is_account',
      'password_same',
      'admin_only',
      'admin_undeletable',
      'captcha_invalid',
      'conflict',
      'must_change_password',
      'autostart_unsupported',
      'autostart_failed',
      'diagnostics_failed',
      'box_broadcast_unsupported',
      'tts_unavailable',
      'tts_failed',
      'merchant_unknown',
    ]
    for (const l of ['zh-CN', 'en'] as const) {
      for (const c of codes) expect(i18n.global.te(`errors.${c}`, l), `${l} errors.${c}`).toBe(true)
    }
  })
})
