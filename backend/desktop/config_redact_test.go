package desktop

import (
	"strings"
	"testing"
)

func TestConfigRedactedHasNoSecrets(t *testing.T) {
	for _, dsn := range []string{
		"postgres://xtf:s3cret-pw@db.shop:5432/xtf?sslmode=require",
		"host=db.shop user=xtf password=s3cret-pw dbname=xtf",
	} {
		c := Config{TerminalToken: "tok-abcdef123456", Database: dsn}
		r := c.Redacted()
		for _, secret := range []string{"s3cret-pw", "tok-abcdef123456"} {
			if strings.Contains(r.Database+r.TerminalToken, secret) {
				t.Errorf("%q left in %+v", secret, r)
			}
		}
		if !strings.Contains(r.Database, "db.shop") {
			t.Errorf("the host is useful and must stay: %q", r.Database)
		}
		if c.TerminalToken != "tok-abcdef123456" {
			t.Error("Redacted changed the original")
		}
	}
	if got := (Config{Database: `C:\data\xiaotongfu.db`}).Redacted().Database; got != `C:\data\xiaotongfu.db` {
		t.Errorf("a SQLite path changed: %q", got)
	}
	if got := (Config{}).Redacted().TerminalToken; got != "" {
		t.Errorf("an empty token became %q", got)
	}
}
