package screen

import (
	"context"
	"image"
	"testing"

	"xiaotongfu/backend/internal/testkit"
)

// TestTextBoxReadsRealControls shows real text boxes (EDIT, and RichEdit from riched20.dll)
// owned by another thread, points the mouse at each as 开始对接 asks the user to, and reads
// them through CursorPos and the Windows TextReader: "¥1,234.56" is 123456 fen and a blank box
// is a cleared amount.
func TestTextBoxReadsRealControls(t *testing.T) {
	for _, c := range []struct{ class, dll string }{{"EDIT", ""}, {"RichEdit20W", "riched20.dll"}} {
		t.Run(c.class, func(t *testing.T) {
			box := testkit.ShowEdit(t, c.class, c.dll, "¥1,234.56", image.Rect(200, 150, 440, 190))
			testkit.MoveMouse(t, box.Centre())
			pt, err := CursorPos()
			if err != nil || pt != box.Centre() {
				t.Fatalf("CursorPos = %v, %v; want %v", pt, err, box.Centre())
			}
			src := &TextBoxSource{Point: pt, Reader: NewTextReader()}
			if fen, err := src.Read(context.Background()); err != nil || fen != 123456 {
				t.Fatalf("Read = %d, %v; want 123456", fen, err)
			}
			box.SetText(t, "")
			if fen, err := src.Read(context.Background()); err != nil || fen != 0 {
				t.Fatalf("blank box: Read = %d, %v; want 0 (cleared)", fen, err)
			}
			box.SetText(t, "88.00")
			if fen, err := src.Read(context.Background()); err != nil || fen != 8800 {
				t.Fatalf("after typing 88.00: Read = %d, %v; want 8800", fen, err)
			}
		})
	}
}

// TestUIAutomationReadsEdit asks UI Automation, the fallback for controls without a window of
// their own, for the text of a real EDIT box. Wine has no UI Automation client (Wine 8 has no
// CUIAutomation class: REGDB_E_CLASSNOTREG), so there the test skips with the exact error.
func TestUIAutomationReadsEdit(t *testing.T) {
	box := testkit.ShowEdit(t, "EDIT", "", "¥1,234.56", image.Rect(200, 250, 440, 290))
	text, err := uiaText(box.Centre())
	if v := testkit.WineVersion(); v != "" && err != nil {
		t.Skipf("UI Automation is not available under Wine %s: %v", v, err)
	}
	if err != nil || text != "¥1,234.56" {
		t.Fatalf("uiaText = %q, %v; want ¥1,234.56", text, err)
	}
}

// TestTextBoxNoWindowIsAnError: a point with no window under it is an error, not a cleared amount.
func TestTextBoxNoWindowIsAnError(t *testing.T) {
	if _, err := NewTextReader().TextAt(context.Background(), image.Pt(-30000, -30000)); err == nil {
		t.Fatal("TextAt off every screen: no error")
	}
}
