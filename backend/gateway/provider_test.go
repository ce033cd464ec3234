package gateway

import "testing"

// TestStateOf: only 0000, 2000/2008, 1001 and explicit final 3xxx codes have a meaning of their
// own; 3888 (duplicate reqsn: query the original), 3089 (cancel abnormal) and anything odd
// leave the outcome unknown, so the caller queries instead of failing the trade.
func TestStateOf(t *testing.T) {
	cases := map[string]State{
		"0000": StateSuccess, "2000": StateProcessing, "2008": StateProcessing, "1001": StateNotFound,
		"3088": StateFailed, "3999": StateFailed, "3014": StateFailed, "3045": StateFailed, "3050": StateFailed,
		"3099": StateFailed, "3889": StateFailed, "3031": StateFailed, "3123": StateFailed,
		"3888": StateUnknown, "3089": StateUnknown, "4000": StateUnknown, "": StateUnknown, "3": StateUnknown,
		"30a1": StateUnknown, "30000": StateUnknown, "1000": StateUnknown, "SUCCESS": StateUnknown,
	}
	for code, want := range cases {
		if got := StateOf(code); got != want {
			t.Errorf("StateOf(%q) = %s; want %s", code, got, want)
		}
	}
}
