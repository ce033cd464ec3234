// Client-side early hint for the password strength rule; Go (platform.validNewPassword) decides.

/** initialPassword is the password of a new or reset account (domain.InitialPassword). */
export const initialPassword = '1111111'

/** passwordLooksStrong mirrors the stated rule: 8–20 printable ASCII with letters and digits. */
export function passwordLooksStrong(pw: string, account = '', old = ''): boolean {
  if (pw.length < 8 || pw.length > 20) return false
  if (!/^[\x21-\x7e]+$/.test(pw)) return false
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return false
  return pw !== initialPassword && pw !== account && (old === '' || pw !== old)
}
