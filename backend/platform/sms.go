package platform

import (
	"context"
	"log/slog"
	"regexp"
)

// ConsoleSMS "sends" a message by writing it to the log, for demo mode and tests
// (xtfd -sms console). The log gets the phone masked and the code blanked unless Reveal is
// set (xtfd -demo). It also calls OnSend when set, with the whole message, so a demo UI,
// an outbox file or a test can show the code.
type ConsoleSMS struct {
	Log    *slog.Logger
	OnSend func(phone, text string)
	Reveal bool
}

// reDigits finds the code in a message.
var reDigits = regexp.MustCompile(`[0-9]{4,}`)

// Send logs the message.
func (c ConsoleSMS) Send(_ context.Context, phone, text string) error {
	if c.Log != nil {
		logPhone, logText := maskPhone(phone), reDigits.ReplaceAllString(text, "******")
		if c.Reveal {
			logPhone, logText = phone, text
		}
		c.Log.Info("sms (console)", "phone", logPhone, "text", logText)
	}
	if c.OnSend != nil {
		c.OnSend(phone, text)
	}
	return nil
}
