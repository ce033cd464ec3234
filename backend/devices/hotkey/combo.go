// Package hotkey parses, formats and manages the global hotkeys of manual §8.4 (快捷键配置).
// It holds no platform code: the system registration lives in hotkey/native, whose Linux build
// needs an X display at start-up, so this package stays importable (and testable) anywhere.
package hotkey

import (
	"strconv"
	"strings"

	"xiaotongfu/backend/domain"
)

// Error codes, for the UI to translate; Message carries the Chinese default.
const (
	CodeInvalid     domain.Code = "hotkey_invalid"     // not a well-formed hotkey
	CodeUnsupported domain.Code = "hotkey_unsupported" // well-formed, but not allowed or not available
	CodeConflict    domain.Code = "hotkey_conflict"    // used twice here, or taken by another program
)

// Modifier is a set of modifier keys.
type Modifier uint8

// Modifiers, in the order they are written.
const (
	Ctrl Modifier = 1 << iota
	Alt
	Shift
	Win
)

var modNames = []struct {
	m    Modifier
	name string
}{{Ctrl, "Ctrl"}, {Alt, "Alt"}, {Shift, "Shift"}, {Win, "Win"}}

var modAliases = map[string]Modifier{
	"ctrl": Ctrl, "control": Ctrl, "ctl": Ctrl, "alt": Alt, "shift": Shift,
	"win": Win, "super": Win, "meta": Win, "cmd": Win,
}

// Combo is a parsed hotkey: modifiers plus one main key, written like "Ctrl+Shift+P".
// Key is "A"–"Z", "0"–"9" or "F1"–"F12".
type Combo struct {
	Mods Modifier
	Key  string
}

// String writes the combo in canonical form, e.g. "Ctrl+Alt+P" or "F8".
func (c Combo) String() string {
	var b strings.Builder
	for _, mn := range modNames {
		if c.Mods&mn.m != 0 {
			b.WriteString(mn.name + "+")
		}
	}
	return b.String() + c.Key
}

// Letter reports whether the key is A–Z.
func (c Combo) Letter() bool { return len(c.Key) == 1 && c.Key[0] >= 'A' && c.Key[0] <= 'Z' }

// Digit reports whether the key is 0–9.
func (c Combo) Digit() bool { return len(c.Key) == 1 && c.Key[0] >= '0' && c.Key[0] <= '9' }

// Fn returns n for the function key Fn (1–12), or 0.
func (c Combo) Fn() int {
	if len(c.Key) < 2 || c.Key[0] != 'F' {
		return 0
	}
	n, err := strconv.Atoi(c.Key[1:])
	if err != nil || n < 1 || n > 12 || c.Key[1] == '0' {
		return 0
	}
	return n
}

// Parse reads a hotkey such as "Ctrl+Shift+P", "ctrl + alt + 1" or "F8" and checks that it is
// usable as a global hotkey. Errors are *domain.Error with CodeInvalid or CodeUnsupported.
func Parse(s string) (Combo, error) {
	var c Combo
	if strings.TrimSpace(s) == "" {
		return c, invalid("快捷键不能为空")
	}
	for _, part := range strings.Split(s, "+") {
		tok := strings.TrimSpace(part)
		if tok == "" {
			return Combo{}, invalid("快捷键格式不对，应写成 Ctrl+Shift+P 这样")
		}
		if m, ok := modAliases[strings.ToLower(tok)]; ok {
			if c.Mods&m != 0 {
				return Combo{}, invalid("修饰键“%s”重复了", tok)
			}
			c.Mods |= m
			continue
		}
		if c.Key != "" {
			return Combo{}, invalid("快捷键只能有一个主键（“%s”和“%s”）", c.Key, tok)
		}
		c.Key = strings.ToUpper(tok)
		if !c.Letter() && !c.Digit() && c.Fn() == 0 {
			return Combo{}, unsupported("不支持按键“%s”，主键只能是字母、数字或 F1–F12", tok)
		}
	}
	return c, c.check()
}

// check applies the rules that keep a global hotkey from breaking normal typing or the system.
func (c Combo) check() error {
	switch {
	case c.Key == "":
		return invalid("快捷键需要一个主键（字母、数字或 F1–F12）")
	case c.Mods&Win != 0:
		return unsupported("不支持 Win 键组合（多为系统保留），请改用 Ctrl 或 Alt")
	case (c.Letter() || c.Digit()) && c.Mods&(Ctrl|Alt) == 0:
		return unsupported("字母和数字键要配合 Ctrl 或 Alt 使用，否则会影响正常输入")
	case c.Mods == Alt && c.Key == "F4":
		return unsupported("Alt+F4 是系统的关闭窗口键，请换一个")
	case c.Mods == Ctrl && strings.Contains("ACVXYZ", c.Key) && c.Letter():
		return unsupported("%s 是复制、粘贴等常用编辑键，请换一个", c)
	}
	return nil
}

func invalid(format string, args ...any) error {
	return domain.Errorf(CodeInvalid, format, args...)
}

func unsupported(format string, args ...any) error {
	return domain.Errorf(CodeUnsupported, format, args...)
}
