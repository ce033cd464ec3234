package platform

import (
	"context"
	"log/slog"
)

// ConsoleSMS "sends" a message by writing it to the log, for demo mode and tests
// (xtfd -sms console). It also calls OnSend when set, so a demo UI or a test can show the code.
type ConsoleSMS struct {
	Log    *slog.Logger
	OnSend func(phone, text string)
}

// Send logs the message.
func (c ConsoleSMS) Send(_ context.Context, phone, text string) error {
	if c.Log != nil {
		c.Log.Info("sms (console)", "phone", phone, "text", text)
	}
	if c.OnSend != nil {
		c.OnSend(phone, text)
	}
	return nil
}
