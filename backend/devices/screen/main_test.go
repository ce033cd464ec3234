package screen

import (
	"testing"

	"xiaotongfu/backend/internal/testkit"
)

// TestMain holds one X connection open for the whole run when there is a display (see
// testkit.MainHoldingX): screenshot opens a new connection per call.
func TestMain(m *testing.M) { testkit.MainHoldingX(m, "screen") }
