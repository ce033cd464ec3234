//go:build !windows

package screen

import (
	"io"
	"log"

	"github.com/jezek/xgb"
)

// Without ~/.Xauthority, xgb logs "Could not get authority info" on every capture; silence it.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }
