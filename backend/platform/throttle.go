package platform

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// limit is one counter a guarded attempt draws from: at most max attempts under key until
// the window ends. A kept attempt that reaches max locks the key for lock (when set), so
// the wait is counted from the last failure, as a bank's "5 wrong passwords lock for 15
// minutes" is.
type limit struct {
	key    string
	max    int
	window time.Duration // 0 means until the next midnight of the shop's day (a daily cap)
	lock   time.Duration // after the max-th kept attempt; 0 keeps the window's end
	// refuse builds the error shown while the key is at its limit, given the wait.
	refuse func(wait time.Duration) error
}

// reservation is the attempts taken from limits for one guarded check. The attempt is
// counted before the check runs (so concurrent attempts cannot exceed a limit); release
// gives it back on success, keep leaves it counted.
type reservation struct {
	s    *Service
	lims []limit
}

// reserve takes one attempt from every limit, atomically per limit, before any expensive
// check runs. When one is exhausted it gives back those already taken and returns that
// limit's refusal.
func (s *Service) reserve(ctx context.Context, lims ...limit) (*reservation, error) {
	if s.reserves.Add(1)%throttlePurgeEvery == 0 {
		s.purgeThrottles(ctx)
	}
	r := &reservation{s: s}
	for _, l := range lims {
		ok, err := s.take(ctx, l)
		if err == nil && !ok {
			err = s.refusal(ctx, l)
		}
		if err != nil {
			r.release(ctx)
			return nil, err
		}
		r.lims = append(r.lims, l)
	}
	return r, nil
}

// throttlePurgeEvery is how many reservations pass between purges of finished counters.
const throttlePurgeEvery = 1000

// purgeThrottles deletes counters whose window ended over a day ago (per-address and daily
// keys would otherwise pile up). A failure is logged; the counters still work.
func (s *Service) purgeThrottles(ctx context.Context) {
	err := s.db.WithContext(context.WithoutCancel(ctx)).Where("window_ends < ?", s.now().Add(-24*time.Hour)).
		Delete(&store.Throttle{}).Error
	if err != nil {
		s.log.Error("platform: purge throttles", "err", err)
	}
}

// windowEnd is when a window opened at now closes.
func (s *Service) windowEnd(l limit, now time.Time) time.Time {
	if l.window > 0 {
		return now.Add(l.window)
	}
	y, m, d := now.In(s.loc).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, s.loc)
}

// take counts one attempt under l.key unless it is at its limit: one conditional UPDATE,
// so N concurrent callers get at most l.max successes.
func (s *Service) take(ctx context.Context, l limit) (bool, error) {
	db := s.db.WithContext(ctx)
	now := s.now()
	row := store.Throttle{Scope: l.key, WindowEnds: s.windowEnd(l, now)}
	if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return false, s.internal("open throttle", err)
	}
	if err := db.Model(&store.Throttle{}).Where("scope = ? AND window_ends <= ?", l.key, now).
		Updates(map[string]any{"count": 0, "window_ends": s.windowEnd(l, now)}).Error; err != nil {
		return false, s.internal("renew throttle", err)
	}
	res := db.Model(&store.Throttle{}).Where("scope = ? AND count < ?", l.key, l.max).
		Update("count", gorm.Expr("count + 1"))
	if res.Error != nil {
		return false, s.internal("take throttle", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// refusal is l's error with the time left until its window ends.
func (s *Service) refusal(ctx context.Context, l limit) error {
	var row store.Throttle
	if err := s.db.WithContext(ctx).Where("scope = ?", l.key).Limit(1).Find(&row).Error; err != nil {
		return s.internal("load throttle", err)
	}
	return l.refuse(row.WindowEnds.Sub(s.now()))
}

// release gives the attempts back: the check passed.
func (r *reservation) release(ctx context.Context) {
	for _, l := range r.lims {
		err := r.s.db.WithContext(context.WithoutCancel(ctx)).Model(&store.Throttle{}).
			Where("scope = ? AND count > 0", l.key).Update("count", gorm.Expr("count - 1")).Error
		if err != nil {
			r.s.log.Error("platform: release throttle", "err", err)
		}
	}
	r.lims = nil
}

// keep leaves the attempts counted (the check failed, or a code was sent). It returns the
// refusal of the first limit this attempt exhausted, locking it, or nil and how many
// attempts the tightest limit has left.
func (r *reservation) keep(ctx context.Context) (left int, err error) {
	db := r.s.db.WithContext(context.WithoutCancel(ctx))
	left = -1
	for _, l := range r.lims {
		var row store.Throttle
		if err := db.Where("scope = ?", l.key).Limit(1).Find(&row).Error; err != nil {
			return 0, r.s.internal("load throttle", err)
		}
		if row.Count < l.max {
			if left < 0 || l.max-row.Count < left {
				left = l.max - row.Count
			}
			continue
		}
		if l.lock > 0 {
			until := r.s.now().Add(l.lock)
			if err := db.Model(&store.Throttle{}).Where("scope = ? AND window_ends < ?", l.key, until).
				Update("window_ends", until).Error; err != nil {
				return 0, r.s.internal("lock throttle", err)
			}
		}
		return 0, r.s.refusal(ctx, l)
	}
	return left, nil
}

// clearThrottles forgets every counter whose key starts with prefix (an owner's recovery).
func clearThrottles(tx *gorm.DB, prefix string) error {
	return tx.Where(`scope LIKE ? ESCAPE '\'`, likeEscape(prefix)+"%").Delete(&store.Throttle{}).Error
}

// waitText says a wait in whole minutes (at least one), or hours past two hours.
func waitText(wait time.Duration) string {
	mins := int((wait + time.Minute - 1) / time.Minute)
	if mins < 1 {
		mins = 1
	}
	if mins > 120 {
		return fmt.Sprintf("%d 小时", (mins+59)/60)
	}
	return fmt.Sprintf("%d 分钟", mins)
}

// minutes is a wait in whole minutes, at least one, for an error's params.
func minutes(wait time.Duration) int {
	return max(1, int((wait+time.Minute-1)/time.Minute))
}

// tooMany is the generic refusal of a rate limit: what was tried, and the wait.
func tooMany(what string) func(time.Duration) error {
	return func(wait time.Duration) error {
		return domain.Errorf(domain.CodeAccountLocked, "%s过于频繁，请 %s后再试", what, waitText(wait)).
			With("minutes", minutes(wait))
	}
}
