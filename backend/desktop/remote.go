package desktop

import (
	"log/slog"

	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// openRemote returns a backend that talks to the xtfd server at serverURL. Only the address
// is checked here (https://, or http:// to this machine, also for a hand-edited
// config.json); an unreachable server shows up in State().Problem and in every call.
func openRemote(serverURL string, log *slog.Logger) (*Backend, error) {
	if err := httpapi.CheckServerURL(serverURL); err != nil {
		return nil, err
	}
	log.Info("remote platform", "url", serverURL)
	return &Backend{API: httpapi.NewClient(serverURL, nil), Mode: services.ModeRemote, ServerURL: serverURL}, nil
}
