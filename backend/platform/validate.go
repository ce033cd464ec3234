package platform

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"xiaotongfu/backend/domain"
)

// Field rules. Accounts, phones, merchant numbers and codes have a format and anything else
// is rejected; names, remarks and notice text are free text: stored verbatim (queries are
// parameterised, the UI escapes) but normalised (normText), bounded in length and free of
// control, bidi and zero-width characters (invisible).
var (
	reAccount    = regexp.MustCompile(`^[A-Za-z0-9]{2,20}$`)
	rePhone      = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	reMerchantNo = regexp.MustCompile(`^[0-9]{6,20}$`)
	reSMSCode    = regexp.MustCompile(`^[0-9]{6}$`)
)

// Length limits in characters (runes).
const (
	maxName        = 20
	maxRemark      = 50
	maxStoreName   = 50
	maxAddress     = 100
	maxNoticeTitle = 50
	maxNoticeBody  = 5000
	maxPassword    = 20
	minPassword    = 8
)

func validAccount(field, v string) error {
	if v == "" {
		return domain.FieldError(field, "请输入登录账号")
	}
	if !reAccount.MatchString(v) {
		return domain.FieldError(field, "登录账号须为 2–20 位字母或数字")
	}
	return nil
}

// validPhone checks a mainland mobile number; empty is allowed when optional.
func validPhone(field, v string, optional bool) error {
	if v == "" {
		if optional {
			return nil
		}
		return domain.FieldError(field, "请输入手机号")
	}
	if !rePhone.MatchString(v) {
		return domain.FieldError(field, "手机号格式不正确，应为 11 位大陆手机号（1 开头）")
	}
	return nil
}

func validMerchantNo(v string) error {
	if v == "" {
		return domain.FieldError("merchantNo", "请输入商户号")
	}
	if !reMerchantNo.MatchString(v) {
		return domain.FieldError("merchantNo", "商户号须为 6–20 位数字")
	}
	return nil
}

func validSMSCode(v string) error {
	if v == "" {
		return domain.FieldError("code", "请输入短信验证码")
	}
	if !reSMSCode.MatchString(v) {
		return domain.FieldError("code", "短信验证码为 6 位数字")
	}
	return nil
}

// validText checks free text: valid UTF-8, no control characters, at most max runes, and
// non-empty (after trimming) when required. label is the Chinese field name for the message.
func validText(field, label, v string, max int, required bool) error {
	if strings.TrimSpace(v) == "" {
		if required {
			return domain.FieldError(field, "请输入%s", label).With("max", max)
		}
		return nil
	}
	if !utf8.ValidString(v) {
		return domain.FieldError(field, "%s含有无效字符", label)
	}
	if n := utf8.RuneCountInString(v); n > max {
		return domain.FieldError(field, "%s不能超过 %d 个字", label, max).With("max", max)
	}
	for _, r := range v {
		if invisible(r) && !(field == "body" && (r == '\n' || r == '\r' || r == '\t')) {
			return domain.FieldError(field, "%s含有不可见的控制字符", label)
		}
	}
	return nil
}

// invisible reports whether r is a character a reader cannot see or that changes how the
// text around it reads: control characters, format characters (bidi overrides and isolates,
// zero-width space and joiners, BOM, soft hyphen), line and paragraph separators, and
// private-use characters. Free text never contains them.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Co)
}

// normText is free text as stored: trimmed and in Unicode NFC, so visually equal names are
// equal strings.
func normText(v string) string {
	return norm.NFC.String(strings.TrimSpace(v))
}

// validPayRemark checks a payment remark: at most 100 bytes, none of the characters the
// acquirer's form encoding breaks on, nothing invisible.
func validPayRemark(v string) error {
	if len(v) > 100 || strings.ContainsAny(v, "+ /?%#&=") {
		return domain.FieldError("remark", "备注最多 100 字节，且不能含空格和 + / ? %% # & =")
	}
	return validText("remark", "备注", v, 100, false)
}

// validNewPassword checks a new password: not the initial password, not the old one (when
// old is known: a change, not a new account), not the account, and minPassword–maxPassword
// printable ASCII characters with a letter and a digit. The error names the first part that
// fails, with its own code. account and old may be empty when not known.
func validNewPassword(field, pw, account, old string) error {
	if pw == "" {
		return domain.FieldError(field, "请输入新密码")
	}
	switch {
	case pw == domain.InitialPassword:
		return weakPassword(field, domain.CodePasswordInitial, "不能使用初始密码")
	case old != "" && pw == old:
		return weakPassword(field, domain.CodePasswordSame, "新密码不能与旧密码相同")
	case pw == account:
		return weakPassword(field, domain.CodePasswordIsAccount, "密码不能与登录账号相同")
	}
	return passwordShape(field, pw)
}

// passwordShape checks the characters and length of a new password.
func passwordShape(field, pw string) error {
	var letter, digit bool
	for _, r := range pw {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
			letter = true
		case r < 0x21 || r > 0x7e:
			return weakPassword(field, domain.CodePasswordChars, "密码只能包含英文字母、数字和英文符号，不能有空格或中文")
		}
	}
	switch n := len(pw); {
	case n < minPassword:
		return weakPassword(field, domain.CodePasswordShort, fmt.Sprintf("密码太短：至少 %d 位", minPassword))
	case n > maxPassword:
		return weakPassword(field, domain.CodePasswordLong, fmt.Sprintf("密码太长：最多 %d 位", maxPassword))
	case !letter:
		return weakPassword(field, domain.CodePasswordNoLetter, "密码须包含至少一个字母")
	case !digit:
		return weakPassword(field, domain.CodePasswordNoDigit, "密码须包含至少一个数字")
	}
	return nil
}

// weakPassword is the error of a new password that breaks the part of the rule code names.
func weakPassword(field string, code domain.Code, msg string) error {
	return (&domain.Error{Code: code, Field: field, Message: msg}).With("min", minPassword).With("max", maxPassword)
}

// validPasswordInput bounds a typed (existing) password so nobody posts megabytes to bcrypt.
func validPasswordInput(field, pw string) error {
	if pw == "" {
		return domain.FieldError(field, "请输入密码")
	}
	if len(pw) > 72 {
		return domain.FieldError(field, "密码过长")
	}
	return nil
}

// maskPhone shows the first 3 and last 4 digits: 138****0000.
func maskPhone(p string) string {
	if len(p) < 7 {
		return "****"
	}
	return p[:3] + strings.Repeat("*", len(p)-7) + p[len(p)-4:]
}

// likePattern escapes s for a LIKE '%s%' search with ESCAPE '\'.
func likePattern(s string) string {
	return "%" + likeEscape(s) + "%"
}

// likeEscape escapes the LIKE wildcards of s (for ESCAPE '\').
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
