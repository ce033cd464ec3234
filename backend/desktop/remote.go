package desktop

import (
	"errors"
	"log/slog"
)

// openRemote connects to an xtfd server.
func openRemote(serverURL string, log *slog.Logger) (*Backend, error) {
	log.Info("remote platform", "url", serverURL)
	return nil, errors.New("远程模式尚未可用（等待 platform/httpapi 客户端）")
}
