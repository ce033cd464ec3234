package desktop

import (
	"errors"
	"testing"
)

// TestApplyAutostartFollowsTheChoice: the first start turns 开机自动启动 on and saves that; a
// choice made in 设置 is applied and survives a restart; a failing registry keeps the old choice.
func TestApplyAutostartFollowsTheChoice(t *testing.T) {
	dir := t.TempDir()
	f, err := LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	var calls []bool
	set := func(on bool) error { calls = append(calls, on); return nil }
	if err := f.ApplyAutostart(set); err != nil {
		t.Fatal(err)
	}
	if !AutostartSupported {
		if len(calls) != 0 || f.AutostartChoice() {
			t.Fatalf("autostart touched where unsupported: %v, choice %v", calls, f.AutostartChoice())
		}
		t.Skip("开机自动启动 is Windows only: the rest runs in the Windows build under Wine")
	}
	if len(calls) != 1 || !calls[0] || !f.AutostartChoice() {
		t.Fatalf("first start: calls %v, choice %v; want on", calls, f.AutostartChoice())
	}
	if err := f.SetAutostartChoice(false, set); err != nil {
		t.Fatal(err)
	}
	again, err := LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	calls = nil
	if err := again.ApplyAutostart(set); err != nil || len(calls) != 1 || calls[0] {
		t.Fatalf("after turning it off and restarting: calls %v, err %v", calls, err)
	}
	broken := func(bool) error { return errors.New("access denied") }
	if err := again.SetAutostartChoice(true, broken); err == nil || again.AutostartChoice() {
		t.Fatalf("a failed registry write saved the choice: err %v, choice %v", err, again.AutostartChoice())
	}
}
