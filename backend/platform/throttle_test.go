package platform

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestReserveHoldsUnderConcurrency: 100 concurrent reservations of a limit of 5 get exactly
// 5; kept, they lock the key for the lock time with the wait in the refusal; released
// attempts are given back; after the lock the key opens again.
func TestReserveHoldsUnderConcurrency(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		l := limit{key: "test:burst", max: 5, window: time.Minute, lock: 10 * time.Minute, refuse: tooMany("测试")}
		var got atomic.Int32
		var wg sync.WaitGroup
		held := make(chan *reservation, 100)
		for range 100 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := e.svc.reserve(ctx, l)
				if err == nil {
					got.Add(1)
					held <- r
					return
				}
				if domain.CodeOf(err) != domain.CodeAccountLocked {
					t.Errorf("refusal %v; want %s", err, domain.CodeAccountLocked)
				}
			}()
		}
		wg.Wait()
		close(held)
		if got.Load() != 5 {
			t.Fatalf("%d of 100 concurrent reservations got through; want 5", got.Load())
		}
		first := <-held
		first.release(ctx)
		if _, err := e.svc.reserve(ctx, l); err != nil {
			t.Fatalf("after a release: %v", err)
		}
		for r := range held {
			r.keep(ctx)
		}
		_, err := e.svc.reserve(ctx, l)
		if de := wantCode(t, err, domain.CodeAccountLocked); de.Params["minutes"] != 10 {
			t.Fatalf("refusal params %v; want the 10-minute lock", de.Params)
		}
		e.clock.Advance(10*time.Minute + time.Second)
		if _, err := e.svc.reserve(ctx, l); err != nil {
			t.Fatalf("after the lock: %v", err)
		}
	})
}

// TestLoginBurstChecksAtMostTheLimit: 100 concurrent wrong logins for one account on one
// terminal run at most MaxFailedLogins bcrypt checks; then the right password is refused
// there, while the owner on another terminal still gets in.
func TestLoginBurstChecksAtMostTheLimit(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term, other := e.initTerminal(t), e.initTerminal(t)
		before := e.svc.PasswordChecks()
		var wg sync.WaitGroup
		for range 100 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.svc.Login(ctx, term, domain.AdminAccount, "Guess2026x")
				if c := domain.CodeOf(err); c != domain.CodeLoginFailed && c != domain.CodeAccountLocked {
					t.Errorf("wrong login: %v", err)
				}
			}()
		}
		wg.Wait()
		if n := e.svc.PasswordChecks() - before; n > MaxFailedLogins {
			t.Fatalf("%d bcrypt checks for 100 concurrent guesses; want at most %d", n, MaxFailedLogins)
		}
		_, err := e.svc.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
		wantCode(t, err, domain.CodeAccountLocked)
		e.login(t, other, domain.AdminAccount, domain.InitialPassword)
	})
}

// TestPurgeThrottles: counters whose window ended over a day ago are deleted; live ones stay.
func TestPurgeThrottles(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		old := limit{key: "test:old", max: 1, window: time.Minute, refuse: tooMany("测试")}
		if _, err := e.svc.reserve(ctx, old); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(25 * time.Hour)
		live := limit{key: "test:live", max: 1, window: time.Minute, refuse: tooMany("测试")}
		if _, err := e.svc.reserve(ctx, live); err != nil {
			t.Fatal(err)
		}
		e.svc.purgeThrottles(ctx)
		if n := e.countRows(t, &store.Throttle{}, "scope IN ?", []string{"test:old", "test:live"}); n != 1 {
			t.Fatalf("%d counters left; want only the live one", n)
		}
	})
}

// TestLoginDailyCapPerTerminal: DailyLoginCap wrong passwords in a day from one terminal
// lock the account there until midnight (however the 15-minute locks are waited out), not
// on another terminal; an SMS re-initialisation clears admin 01's counters.
func TestLoginDailyCapPerTerminal(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term, other := e.initTerminal(t), e.initTerminal(t)
		for i := range DailyLoginCap {
			if i > 0 && i%MaxFailedLogins == 0 {
				e.clock.Advance(LockDuration + time.Second)
			}
			if _, err := e.svc.Login(ctx, term, domain.AdminAccount, "Guess2026x"); err == nil {
				t.Fatal("a wrong password logged in")
			}
		}
		e.clock.Advance(LockDuration + time.Second)
		_, err := e.svc.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
		if de := wantCode(t, err, domain.CodeAccountLocked); de.Params["minutes"].(int) < 60 {
			t.Fatalf("after %d wrong today: %v; want locked until midnight", DailyLoginCap, de)
		}
		e.login(t, other, domain.AdminAccount, domain.InitialPassword)
		e.initTerminal(t) // the owner re-initialises by SMS
		e.login(t, term, domain.AdminAccount, domain.InitialPassword)
	})
}
