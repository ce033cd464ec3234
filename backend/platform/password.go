package platform

import (
	"golang.org/x/crypto/bcrypt"
)

// passwordCost is the bcrypt cost for account passwords.
const passwordCost = 10

// hashPassword returns the bcrypt hash of a password.
func hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), passwordCost)
	return string(h), err
}

// checkPassword reports whether pw matches the stored bcrypt hash.
func checkPassword(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}
