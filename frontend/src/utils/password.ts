// Client-side early hint for the password rule; Go (platform.validNewPassword) decides, with
// the same codes in the same order, so the hint and Go's refusal name the same failed part.

/** initialPassword is the password of a new or reset account (domain.InitialPassword). */
export const initialPassword = '1111111'

/** The length bounds of a new password (platform minPassword, maxPassword). */
export const passwordBounds = { min: 8, max: 20 }

/**
 * passwordProblem returns the error code of the first part of the rule pw breaks ('' when
 * none): password_initial, password_same (old given), password_is_account, password_chars,
 * password_short, password_long, password_no_letter, password_no_digit. Translate it with
 * t(`errors.${code}`, passwordBounds).
 */
export function passwordProblem(pw: string, account = '', old = ''): string {
  if (pw === initialPassword) return 'password_initial'
  if (old !== '' && pw === old) return 'password_same'
  if (pw === account) return 'password_is_account'
  if (!/^[\x21-\x7e]*$/.test(pw)) return 'password_chars'
  if (pw.length < passwordBounds.min) return 'password_short'
  if (pw.length > passwordBounds.max) return 'password_long'
  if (!/[A-Za-z]/.test(pw)) return 'password_no_letter'
  if (!/\d/.test(pw)) return 'password_no_digit'
  return ''
}
