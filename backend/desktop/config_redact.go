package desktop

import (
	"net/url"
	"strings"
)

// Redacted returns a copy of c fit for a support bundle: no terminal token, no POS API key
// and no database password. Key files are only named in the config, never held in it.
func (c Config) Redacted() Config {
	if c.TerminalToken != "" {
		c.TerminalToken = "(已隐藏)"
	}
	if c.Devices.Pos.Key != "" {
		c.Devices.Pos.Key = "(已隐藏)"
	}
	c.Database = redactDSN(c.Database)
	return c
}

// redactDSN hides the password of a postgres:// DSN, in URL or key=value form; a SQLite
// path is returned as it is.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
		return dsn
	}
	fields := strings.Fields(dsn)
	for i, f := range fields {
		if k, _, ok := strings.Cut(f, "="); ok && strings.EqualFold(k, "password") {
			fields[i] = k + "=xxxxx"
		}
	}
	if len(fields) > 1 {
		return strings.Join(fields, " ")
	}
	return dsn
}
