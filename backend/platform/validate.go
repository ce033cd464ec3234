package platform

import (
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

// PasswordRule is the strength rule for a new password, as shown to users.
const PasswordRule = "新密码须为 8–20 位，同时包含字母和数字，不能是初始密码，也不能与账号或旧密码相同"

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

// validNewPassword applies PasswordRule. account and old may be empty when not known.
func validNewPassword(field, pw, account, old string) error {
	if pw == "" {
		return domain.FieldError(field, "请输入新密码")
	}
	var letter, digit bool
	for _, r := range pw {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
			letter = true
		case r < 0x21 || r > 0x7e:
			return weakPassword(field)
		}
	}
	n := len(pw)
	if n < minPassword || n > maxPassword || !letter || !digit ||
		pw == domain.InitialPassword || pw == account || (old != "" && pw == old) {
		return weakPassword(field)
	}
	return nil
}

func weakPassword(field string) error {
	return (&domain.Error{Code: domain.CodeWeakPassword, Field: field, Message: PasswordRule}).
		With("min", minPassword).With("max", maxPassword)
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
