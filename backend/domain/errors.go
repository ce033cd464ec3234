// Package domain holds the pure types and rules of 小通付: money in fen, payment codes and
// channels, trade states and the typed errors that the UI translates by code.
package domain

import (
	"errors"
	"fmt"
)

// Code identifies an error kind. The UI translates it (frontend/src/locales); Message is
// the Chinese default for logs and for clients that do not translate.
type Code string

// Error codes shared by the platform, the HTTP API and the UI.
const (
	CodeInternal        Code = "internal"        // unexpected; details only in the log
	CodeInvalidInput    Code = "invalid_input"   // a form field is wrong; Field says which
	CodeNotFound        Code = "not_found"       // the thing asked for does not exist
	CodeForbidden       Code = "forbidden"       // the caller's role may not do this
	CodeUnauthenticated Code = "unauthenticated" // no or expired session / terminal token
	CodeUnavailable     Code = "unavailable"     // the platform or gateway cannot be reached

	CodeAmountEmpty     Code = "amount_empty"     // nothing typed
	CodeAmountNegative  Code = "amount_negative"  // starts with a minus sign
	CodeAmountSeparator Code = "amount_separator" // has a comma (a thousands separator or a decimal comma)
	CodeAmountInvalid   Code = "amount_invalid"   // not a plain positive amount such as 12.50
	CodeAmountDecimals  Code = "amount_decimals"  // more than two decimals
	CodeAmountZero      Code = "amount_zero"      // 0.00
	CodeAmountTooLarge  Code = "amount_too_large" // over the single-payment limit

	CodePayCodeInvalid    Code = "paycode_invalid"     // not a WeChat / Alipay / UnionPay code
	CodePayCodeIsOrder    Code = "paycode_is_order"    // a receipt's order number QR scanned as a payment code
	CodePayInFlight       Code = "pay_in_flight"       // this terminal already has a payment in progress
	CodePayNotInFlight    Code = "pay_not_in_flight"   // 撤销本笔 with no payment waiting (it already has its result)
	CodePayCodeUsed       Code = "paycode_used"        // this payment code was already charged once
	CodePayFailed         Code = "pay_failed"          // the acquirer declined; Message has its reason
	CodePayRejected       Code = "pay_rejected"        // the acquirer did not accept the request (configuration)
	CodePayUnsure         Code = "pay_unsure"          // a pay got no answer: it may be charged; check before charging again
	CodeReverseNotAllowed Code = "reverse_not_allowed" // cancel/refund rule broken (day, amount, state)
	CodeAdminPassword     Code = "admin_password"      // the admin password for void/refund is wrong

	CodeMerchantUnknown Code = "merchant_unknown" // no merchant is registered with this number

	CodeSMSInvalid     Code = "sms_invalid"     // wrong SMS code
	CodeSMSExpired     Code = "sms_expired"     // code older than its validity
	CodeSMSTooMany     Code = "sms_too_many"    // too many wrong tries; request a new code
	CodeSMSTooSoon     Code = "sms_too_soon"    // resend asked before the wait is over
	CodeLoginFailed    Code = "login_failed"    // wrong account or password
	CodeAccountLocked  Code = "account_locked"  // too many wrong passwords
	CodeBoundElsewhere Code = "bound_elsewhere" // the account is bound to another terminal
	CodeCaptchaInvalid Code = "captcha_invalid" // wrong or expired image captcha
	CodeConflict       Code = "conflict"        // e.g. the account already exists

	// A new password breaks one part of the rule (platform validNewPassword); Params carry min and max.
	CodePasswordShort     Code = "password_short"      // fewer characters than the minimum
	CodePasswordLong      Code = "password_long"       // more characters than the maximum
	CodePasswordChars     Code = "password_chars"      // a space, a Chinese or another non-ASCII character
	CodePasswordNoLetter  Code = "password_no_letter"  // no letter
	CodePasswordNoDigit   Code = "password_no_digit"   // no digit
	CodePasswordInitial   Code = "password_initial"    // the initial password
	CodePasswordIsAccount Code = "password_is_account" // the same as the account
	CodePasswordSame      Code = "password_same"       // the same as the old password

	// CodeMustChangePassword: the account still has an initial password; only changing it is allowed.
	CodeMustChangePassword Code = "must_change_password"
	// CodeAdminOnly: the terminal's connection and devices are the admin's; a cashier (or
	// nobody logged in) may look at them but not change them.
	CodeAdminOnly Code = "admin_only"
	// CodeAdminUndeletable: admin 01 is the account initialisation restores; it cannot be deleted.
	CodeAdminUndeletable Code = "admin_undeletable"
	// CodeRangeTooLong: a trade query spans more days than the platform allows (Params
	// maxDays, days).
	CodeRangeTooLong Code = "range_too_long"
)

// Error is the error type every bound method and API call returns to the UI.
type Error struct {
	Code    Code           `json:"code"`
	Message string         `json:"message"`
	Field   string         `json:"field,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// Errorf builds an *Error with a formatted Chinese message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError builds a CodeInvalidInput error about one form field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: CodeInvalidInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// With returns a copy of e with the parameter k set (for the UI's translation).
func (e *Error) With(k string, v any) *Error {
	c := *e
	c.Params = make(map[string]any, len(e.Params)+1)
	for pk, pv := range e.Params {
		c.Params[pk] = pv
	}
	c.Params[k] = v
	return &c
}

// paramNoAnswer is the parameter NoAnswer sets.
const paramNoAnswer = "noAnswer"

// NoAnswer marks e as the error of a client whose call got no answer from its server (network
// down, connection cut, a proxy's error page): the server may or may not have acted on it.
func NoAnswer(e *Error) *Error { return e.With(paramNoAnswer, true) }

// IsNoAnswer reports whether err was marked by NoAnswer.
func IsNoAnswer(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Params[paramNoAnswer] == true
}

// CodeOf returns the code of err, or CodeInternal when err is not an *Error.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// AsError returns err as an *Error; any other error becomes CodeInternal with a generic
// Chinese message (its text belongs in the log, not on the screen).
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: CodeInternal, Message: "系统内部错误，请稍后重试"}
}
