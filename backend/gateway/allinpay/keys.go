package allinpay

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/emmansun/gmsm/sm2"
	"github.com/emmansun/gmsm/smx509"
)

// minRSABits is the smallest RSA key accepted; Allinpay's production platform key is 1024-bit.
const minRSABits = 1024

// ParsePrivateKey reads a merchant (or simulator platform) private key: PKCS#8, either PEM
// ("PRIVATE KEY") or bare base64 DER. It returns an *rsa.PrivateKey or an *sm2.PrivateKey.
// The error never contains key material.
func ParsePrivateKey(data []byte) (crypto.Signer, error) {
	der, err := keyDER(data, "PRIVATE KEY")
	if err != nil {
		return nil, fmt.Errorf("私钥无效: %w", err)
	}
	key, err := smx509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, errors.New("私钥无效: 不是 PKCS#8 格式的 RSA 或 SM2 私钥")
	}
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if k.N.BitLen() < minRSABits {
			return nil, fmt.Errorf("私钥无效: RSA 密钥只有 %d 位，至少需要 %d 位", k.N.BitLen(), minRSABits)
		}
		return k, nil
	case *sm2.PrivateKey:
		return k, nil
	}
	return nil, errors.New("私钥无效: 只支持 RSA 或 SM2 私钥")
}

// ParsePublicKey reads a public key in X.509 SubjectPublicKeyInfo form, either PEM ("PUBLIC KEY")
// or bare base64 DER. It returns an *rsa.PublicKey or an *ecdsa.PublicKey on the SM2 curve.
func ParsePublicKey(data []byte) (crypto.PublicKey, error) {
	der, err := keyDER(data, "PUBLIC KEY")
	if err != nil {
		return nil, fmt.Errorf("公钥无效: %w", err)
	}
	key, err := smx509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, errors.New("公钥无效: 不是 X.509 格式的 RSA 或 SM2 公钥")
	}
	switch k := key.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < minRSABits {
			return nil, fmt.Errorf("公钥无效: RSA 密钥只有 %d 位，至少需要 %d 位", k.N.BitLen(), minRSABits)
		}
		return k, nil
	case *ecdsa.PublicKey:
		if k.Curve == sm2.P256() {
			return k, nil
		}
	}
	return nil, errors.New("公钥无效: 只支持 RSA 或 SM2 公钥")
}

// keyDER returns the DER bytes of a PEM block of type want, or of bare base64 text.
func keyDER(data []byte, want string) ([]byte, error) {
	text := bytes.TrimSpace(data)
	if len(text) == 0 {
		return nil, errors.New("内容为空")
	}
	if bytes.HasPrefix(text, []byte("-----BEGIN")) {
		block, _ := pem.Decode(text)
		if block == nil {
			return nil, errors.New("PEM 格式损坏")
		}
		if block.Type != want {
			return nil, fmt.Errorf("PEM 类型是 %q，需要 %q（PKCS#8 私钥或 X.509 公钥）", block.Type, want)
		}
		return block.Bytes, nil
	}
	compact := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, text)
	der, err := base64.StdEncoding.DecodeString(string(compact))
	if err != nil {
		return nil, errors.New("既不是 PEM 也不是 base64")
	}
	return der, nil
}

// MarshalPrivateKeyPEM encodes an RSA or SM2 private key as a PKCS#8 PEM block.
func MarshalPrivateKeyPEM(key crypto.Signer) ([]byte, error) {
	der, err := smx509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("allinpay: encode private key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// MarshalPublicKeyPEM encodes an RSA or SM2 public key as an X.509 PEM block.
func MarshalPublicKeyPEM(pub crypto.PublicKey) ([]byte, error) {
	der, err := smx509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("allinpay: encode public key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}
