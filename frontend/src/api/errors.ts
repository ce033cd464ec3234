// Normalises whatever a bound call rejects with into one AppError shape.

/** The error shape of backend/domain.Error as the UI sees it. */
export class AppError extends Error {
  readonly code: string
  readonly field?: string
  readonly params?: Record<string, unknown>

  constructor(code: string, message: string, field?: string, params?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.field = field || undefined
    this.params = params || undefined
  }
}

const plainCode = /^([a-z][a-z_]*): ([\s\S]*)$/

/**
 * toAppError turns a rejection into an AppError: the ErrorFormatter object
 * {code, message, field?, params?}, its JSON text, or the plain "code: message" text Wails
 * sends when no formatter is set. Anything else becomes code "internal".
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (typeof e === 'string') {
    const s = e.trim()
    if (s.startsWith('{')) {
      try {
        return toAppError(JSON.parse(s))
      } catch {
        /* not JSON: fall through to the text forms */
      }
    }
    const m = plainCode.exec(s)
    if (m) return new AppError(m[1], m[2])
    return new AppError('internal', s)
  }
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>
    if (typeof o.code === 'string' && o.code) {
      return new AppError(
        o.code,
        typeof o.message === 'string' ? o.message : '',
        typeof o.field === 'string' ? o.field : undefined,
        o.params && typeof o.params === 'object' ? (o.params as Record<string, unknown>) : undefined,
      )
    }
    if (e instanceof Error) return new AppError('internal', e.message)
  }
  return new AppError('internal', String(e ?? ''))
}

/** Translator is the subset of vue-i18n the error text needs. */
export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
}

/**
 * errorText gives the words to show for an error: errors.<code> with the backend's params
 * (and its Chinese message as {message}); the message itself when the code is unknown.
 */
export function errorText(e: unknown, i18n: Translator): string {
  const err = toAppError(e)
  const key = `errors.${err.code}`
  if (i18n.te(key)) {
    return i18n.t(key, { ...(err.params ?? {}), message: err.message || i18n.t('errors.noDetail') })
  }
  return err.message || i18n.t('errors.internal', { message: '' })
}
