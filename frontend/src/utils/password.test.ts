import { describe, expect, it } from 'vitest'
import { initialPassword, passwordProblem } from './password'

describe('passwordProblem', () => {
  it('names the part of the rule that fails, in the order Go checks', () => {
    expect(passwordProblem(initialPassword, '02')).toBe('password_initial')
    expect(passwordProblem('Old2025x', '02', 'Old2025x')).toBe('password_same')
    expect(passwordProblem('abc12345', 'abc12345')).toBe('password_is_account')
    expect(passwordProblem('abc 12345')).toBe('password_chars')
    expect(passwordProblem('密码abc12345')).toBe('password_chars')
    expect(passwordProblem('abc123')).toBe('password_short')
    expect(passwordProblem('a1'.repeat(11))).toBe('password_long')
    expect(passwordProblem('12345678')).toBe('password_no_letter')
    expect(passwordProblem('abcdefgh')).toBe('password_no_digit')
    expect(passwordProblem('Shop2025x', '02', 'Old2025x')).toBe('')
  })
})
