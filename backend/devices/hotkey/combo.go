// Package hotkey parses, formats and manages the global hotkeys of manual §8.4 (快捷键配置).
// It holds no platform code: the system registration lives in hotkey/native, whose Linux build
// needs an X display at start-up, so this package stays importable (and testable) anywhere.
package hotkey

import (
	"fmt"
	"strconv"
	"strings"

	"xiaotongfu/backend/domain"
)

// Error codes, for the UI to translate with the parameters named in each comment; Message
// carries the Chinese text, for the log.
const (
	CodeEmpty          domain.Code = "hotkey_empty"           // nothing given
	CodeFormat         domain.Code = "hotkey_format"          // not written like Ctrl+Shift+P
	CodeModTwice       domain.Code = "hotkey_mod_twice"       // a modifier twice: {mod}
	CodeTwoKeys        domain.Code = "hotkey_two_keys"        // two main keys: {first}, {second}
	CodeNoKey          domain.Code = "hotkey_no_key"          // modifiers only
	CodeKeyUnsupported domain.Code = "hotkey_key_unsupported" // not A–Z, 0–9 or F1–F12: {key}
	CodeWin            domain.Code = "hotkey_win"             // a Win combination (system reserved)
	CodeNeedsModifier  domain.Code = "hotkey_needs_modifier"  // a letter or digit without Ctrl or Alt: {combo}
	CodeAltF4          domain.Code = "hotkey_alt_f4"          // the system's close-window key
	CodeEditKey        domain.Code = "hotkey_edit_key"        // Ctrl+C and the other editing keys: {combo}
	CodeStopped        domain.Code = "hotkey_stopped"         // the manager was closed (shutdown)
	CodeNoSystem       domain.Code = "hotkey_no_system"       // this build registers no system hotkeys
	CodeNameTwice      domain.Code = "hotkey_name_twice"      // one setting given twice: {name}
	CodeUsed           domain.Code = "hotkey_used"            // the combo is another setting's here: {combo}
	CodeTaken          domain.Code = "hotkey_taken"           // the system refused it (another program holds it): {combo}
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
// usable as a global hotkey. Errors are *domain.Error with one of the codes above.
func Parse(s string) (Combo, error) {
	var c Combo
	if strings.TrimSpace(s) == "" {
		return c, problem(CodeEmpty, "快捷键不能为空")
	}
	for _, part := range strings.Split(s, "+") {
		tok := strings.TrimSpace(part)
		if tok == "" {
			return Combo{}, problem(CodeFormat, "快捷键格式不对，应写成 Ctrl+Shift+P 这样")
		}
		if m, ok := modAliases[strings.ToLower(tok)]; ok {
			if c.Mods&m != 0 {
				return Combo{}, problem(CodeModTwice, "修饰键“%s”重复了", "mod", tok)
			}
			c.Mods |= m
			continue
		}
		if c.Key != "" {
			return Combo{}, problem(CodeTwoKeys, "快捷键只能有一个主键（“%s”和“%s”）", "first", c.Key, "second", tok)
		}
		c.Key = strings.ToUpper(tok)
		if !c.Letter() && !c.Digit() && c.Fn() == 0 {
			return Combo{}, problem(CodeKeyUnsupported, "不支持按键“%s”，主键只能是字母、数字或 F1–F12", "key", tok)
		}
	}
	return c, c.check()
}

// check applies the rules that keep a global hotkey from breaking normal typing or the system.
func (c Combo) check() error {
	switch {
	case c.Key == "":
		return problem(CodeNoKey, "快捷键需要一个主键（字母、数字或 F1–F12）")
	case c.Mods&Win != 0:
		return problem(CodeWin, "不支持 Win 键组合（多为系统保留），请改用 Ctrl 或 Alt")
	case (c.Letter() || c.Digit()) && c.Mods&(Ctrl|Alt) == 0:
		return problem(CodeNeedsModifier, "%s：字母和数字键要配合 Ctrl 或 Alt 使用，否则会影响正常输入", "combo", c.String())
	case c.Mods == Alt && c.Key == "F4":
		return problem(CodeAltF4, "Alt+F4 是系统的关闭窗口键，请换一个")
	case c.Mods == Ctrl && strings.Contains("ACVXYZ", c.Key) && c.Letter():
		return problem(CodeEditKey, "%s 是复制、粘贴等常用编辑键，请换一个", "combo", c.String())
	}
	return nil
}

// problem builds the *domain.Error of code: kv are parameter names and values, in the
// order the Chinese format uses the values.
func problem(code domain.Code, format string, kv ...string) *domain.Error {
	args := make([]any, 0, len(kv)/2)
	e := &domain.Error{Code: code}
	for i := 0; i+1 < len(kv); i += 2 {
		e = e.With(kv[i], kv[i+1])
		args = append(args, kv[i+1])
	}
	e.Message = fmt.Sprintf(format, args...)
	return e
}
