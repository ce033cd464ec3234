package platform

import (
	"context"
	"time"

	"xiaotongfu/backend/store"
)

// Housekeeping of short-lived rows (SMS codes, grants, captchas, sessions).
const (
	purgeKeep  = 24 * time.Hour // expired codes, grants and captchas are kept this long (audit trail)
	purgeEvery = time.Hour      // the sweep purges at most this often
)

// purgeExpired deletes SMS codes, grants and captchas expired for more than purgeKeep, and
// every expired session. Errors are logged; the next pass tries again.
func (s *Service) purgeExpired(ctx context.Context) {
	now := s.now().UTC()
	db := s.db.WithContext(ctx)
	for _, p := range []struct {
		name   string
		model  any
		before time.Time
	}{
		{"sms codes", &store.SMSCode{}, now.Add(-purgeKeep)},
		{"grants", &store.Grant{}, now.Add(-purgeKeep)},
		{"captchas", &store.Captcha{}, now.Add(-purgeKeep)},
		{"sessions", &store.Session{}, now},
	} {
		res := db.Where("expires_at < ?", p.before).Delete(p.model)
		if res.Error != nil {
			s.log.Error("platform: purge", "what", p.name, "err", res.Error)
		} else if res.RowsAffected > 0 {
			s.log.Info("platform: purged expired rows", "what", p.name, "rows", res.RowsAffected)
		}
	}
}
