package desktop

import (
	"log/slog"

	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// openRemote returns a backend that talks to the xtfd server at serverURL. Nothing is
// checked here: an unreachable server shows up in State().Problem and in every call.
func openRemote(serverURL string, log *slog.Logger) (*Backend, error) {
	log.Info("remote platform", "url", serverURL)
	return &Backend{API: httpapi.NewClient(serverURL, nil), Mode: services.ModeRemote, ServerURL: serverURL}, nil
}
