package allinpay

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/emmansun/gmsm/sm2"
)

// Sign types, the values of the signtype field.
const (
	SignRSA = "RSA"
	SignSM2 = "SM2"
	SignMD5 = "MD5"
)

// PlatformUID is the SM2 signer ID Allinpay uses for its responses and callbacks.
// Merchant requests are signed with the merchant's appid as the ID.
const PlatformUID = "Allinpay"

// Signer computes the sign field of a message.
type Signer interface {
	// SignType is the signtype value this signer produces: RSA, SM2 or MD5.
	SignType() string
	// Sign returns the sign value over the canonical string of fields (sign itself is ignored).
	Sign(fields map[string]string) (string, error)
}

// Verifier checks the sign field of a received message over all its other fields.
type Verifier interface {
	// Verify returns nil when fields["sign"] is a valid signature of the other fields,
	// and an error wrapping ErrBadSignature otherwise.
	Verify(fields map[string]string) error
}

// NewSigner returns a signer for signType. RSA and SM2 need key (an *rsa.PrivateKey or
// *sm2.PrivateKey; uid is the SM2 signer ID); MD5 needs md5Key.
func NewSigner(signType string, key crypto.Signer, uid, md5Key string) (Signer, error) {
	switch signType {
	case SignRSA:
		if k, ok := key.(*rsa.PrivateKey); ok {
			return rsaSigner{k}, nil
		}
		return nil, errors.New("签名类型 RSA 需要 RSA 私钥")
	case SignSM2:
		if k, ok := key.(*sm2.PrivateKey); ok {
			return sm2Signer{k, []byte(uid)}, nil
		}
		return nil, errors.New("签名类型 SM2 需要 SM2 私钥")
	case SignMD5:
		if md5Key == "" {
			return nil, errors.New("签名类型 MD5 需要 MD5 密钥")
		}
		return md5Scheme(md5Key), nil
	}
	return nil, fmt.Errorf("不支持的签名类型 %q（可选 RSA、SM2、MD5）", signType)
}

// NewVerifier returns a verifier for signType. RSA and SM2 need pub (an *rsa.PublicKey or an
// SM2 *ecdsa.PublicKey; uid is the SM2 signer ID); MD5 needs md5Key.
func NewVerifier(signType string, pub crypto.PublicKey, uid, md5Key string) (Verifier, error) {
	switch signType {
	case SignRSA:
		if k, ok := pub.(*rsa.PublicKey); ok {
			return rsaVerifier{k}, nil
		}
		return nil, errors.New("签名类型 RSA 需要 RSA 公钥")
	case SignSM2:
		if k, ok := pub.(*ecdsa.PublicKey); ok && k.Curve == sm2.P256() {
			return sm2Verifier{k, []byte(uid)}, nil
		}
		return nil, errors.New("签名类型 SM2 需要 SM2 公钥")
	case SignMD5:
		if md5Key == "" {
			return nil, errors.New("签名类型 MD5 需要 MD5 密钥")
		}
		return md5Scheme(md5Key), nil
	}
	return nil, fmt.Errorf("不支持的签名类型 %q（可选 RSA、SM2、MD5）", signType)
}

// badSig wraps ErrBadSignature with a reason.
func badSig(reason string) error { return fmt.Errorf("%w: %s", ErrBadSignature, reason) }

// signatureOf returns the decoded sign field.
func signatureOf(fields map[string]string) ([]byte, error) {
	s, ok := fields["sign"]
	if !ok || s == "" {
		return nil, badSig("no sign field")
	}
	sig, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, badSig("sign is not base64")
	}
	return sig, nil
}

type rsaSigner struct{ key *rsa.PrivateKey }

func (rsaSigner) SignType() string { return SignRSA }

func (s rsaSigner) Sign(fields map[string]string) (string, error) {
	msg, _ := appendCanonical(nil, fields, "", false)
	h := sha1.Sum(msg)
	sig, err := rsa.SignPKCS1v15(nil, s.key, crypto.SHA1, h[:])
	if err != nil {
		return "", fmt.Errorf("allinpay: RSA sign: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

type rsaVerifier struct{ key *rsa.PublicKey }

func (v rsaVerifier) Verify(fields map[string]string) error {
	sig, err := signatureOf(fields)
	if err != nil {
		return err
	}
	msg, _ := appendCanonical(nil, fields, "", false)
	h := sha1.Sum(msg)
	if rsa.VerifyPKCS1v15(v.key, crypto.SHA1, h[:], sig) != nil {
		return badSig("RSA signature does not match")
	}
	return nil
}

type sm2Signer struct {
	key *sm2.PrivateKey
	uid []byte
}

func (sm2Signer) SignType() string { return SignSM2 }

func (s sm2Signer) Sign(fields map[string]string) (string, error) {
	msg, _ := appendCanonical(nil, fields, "", false)
	der, err := s.key.Sign(rand.Reader, msg, sm2.NewSM2SignerOption(true, s.uid))
	if err != nil {
		return "", fmt.Errorf("allinpay: SM2 sign: %w", err)
	}
	raw, err := derToRaw(der)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(raw), nil
}

type sm2Verifier struct {
	key *ecdsa.PublicKey
	uid []byte
}

func (v sm2Verifier) Verify(fields map[string]string) error {
	sig, err := signatureOf(fields)
	if err != nil {
		return err
	}
	if len(sig) != 64 {
		return badSig("SM2 signature is not 64 bytes r||s")
	}
	msg, _ := appendCanonical(nil, fields, "", false)
	if !verifySM2(v.key, v.uid, msg, sig) {
		return badSig("SM2 signature does not match")
	}
	return nil
}

// verifySM2 checks a 64-byte r||s SM3withSM2 signature of msg for signer ID uid.
func verifySM2(pub *ecdsa.PublicKey, uid, msg, raw []byte) bool {
	return len(raw) == 64 && sm2.VerifyASN1WithSM2(pub, uid, msg, rawToDER(raw))
}

// md5Scheme signs and verifies with the shared MD5 key.
type md5Scheme string

func (md5Scheme) SignType() string { return SignMD5 }

func (k md5Scheme) Sign(fields map[string]string) (string, error) {
	msg, err := appendCanonical(nil, fields, string(k), true)
	if err != nil {
		return "", err
	}
	sum := md5.Sum(msg)
	return strings.ToUpper(hex.EncodeToString(sum[:])), nil
}

func (k md5Scheme) Verify(fields map[string]string) error {
	got := fields["sign"]
	if got == "" {
		return badSig("no sign field")
	}
	want, err := k.Sign(fields)
	if err != nil {
		return badSig(err.Error())
	}
	if subtle.ConstantTimeCompare([]byte(strings.ToUpper(got)), []byte(want)) != 1 {
		return badSig("MD5 signature does not match")
	}
	return nil
}

// ecSig is the ASN.1 form of an SM2 signature.
type ecSig struct{ R, S *big.Int }

// derToRaw converts an ASN.1 DER SM2 signature to 64-byte r||s.
func derToRaw(der []byte) ([]byte, error) {
	var sig ecSig
	rest, err := asn1.Unmarshal(der, &sig)
	if err != nil || len(rest) != 0 || sig.R.Sign() <= 0 || sig.S.Sign() <= 0 ||
		sig.R.BitLen() > 256 || sig.S.BitLen() > 256 {
		return nil, errors.New("allinpay: SM2 signer returned a malformed signature")
	}
	raw := make([]byte, 64)
	sig.R.FillBytes(raw[:32])
	sig.S.FillBytes(raw[32:])
	return raw, nil
}

// rawToDER converts a 64-byte r||s SM2 signature to ASN.1 DER.
func rawToDER(raw []byte) []byte {
	der, _ := asn1.Marshal(ecSig{new(big.Int).SetBytes(raw[:32]), new(big.Int).SetBytes(raw[32:])})
	return der
}
