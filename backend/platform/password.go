package platform

import (
	"golang.org/x/crypto/bcrypt"

	"xiaotongfu/backend/domain"
)

// passwordCost is the bcrypt cost for account passwords.
const passwordCost = 10

// hashPassword returns the bcrypt hash of a password.
func hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), passwordCost)
	return string(h), err
}

// checkPassword reports whether pw matches the stored bcrypt hash, and counts the check.
// Callers reserve an attempt (throttle.go) before calling it.
func (s *Service) checkPassword(hash, pw string) bool {
	s.pwChecks.Add(1)
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// PasswordChecks is how many bcrypt comparisons this service has run: a metric of the work
// strangers can make it do (the security tests assert on it).
func (s *Service) PasswordChecks() int64 { return s.pwChecks.Load() }

// initialHash is a bcrypt hash of the initial password, computed once per service: giving
// an account its initial password costs no CPU per request, and a login to an unknown
// account compares against it so it takes as long as a real one.
func (s *Service) initialHash() (string, error) {
	s.initOnce.Do(func() { s.initHash, s.initErr = hashPassword(domain.InitialPassword) })
	return s.initHash, s.initErr
}
