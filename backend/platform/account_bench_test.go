package platform

import (
	"context"
	"testing"

	"xiaotongfu/backend/domain"
)

// BenchmarkLogin is one in-process login (bcrypt check, bind, new session) on SQLite.
func BenchmarkLogin(b *testing.B) {
	e := newAcctEnv(b, "sqlite")
	term := e.initTerminal(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.svc.Login(ctx, term, domain.AdminAccount, domain.InitialPassword); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPassword is the bcrypt comparison alone (cost passwordCost).
func BenchmarkCheckPassword(b *testing.B) {
	s := &Service{}
	h, _ := hashPassword(domain.InitialPassword)
	for b.Loop() {
		if !s.checkPassword(h, domain.InitialPassword) {
			b.Fatal("mismatch")
		}
	}
}
