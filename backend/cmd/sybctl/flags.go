package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"xiaotongfu/backend/gateway/allinpay"
)

var errHelp = errors.New("help shown")

// options are the parsed flags.
type options struct {
	base, cusid, appid, orgid, signType, keyFile, pubFile, md5Key, version string
	termNo, deviceType                                                     string
	timeout                                                                time.Duration
}

func parseFlags(args []string, stdout io.Writer) (options, []string, error) {
	var o options
	fs := flag.NewFlagSet("sybctl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.base, "base", "http://127.0.0.1:8089/apiweb", "API base URL (sandbox: "+allinpay.SandboxURL+")")
	fs.StringVar(&o.cusid, "cusid", "", "merchant number")
	fs.StringVar(&o.appid, "appid", "", "appid")
	fs.StringVar(&o.orgid, "orgid", "", "group/agent number (optional)")
	fs.StringVar(&o.signType, "signtype", allinpay.SignRSA, "RSA, SM2 or MD5")
	fs.StringVar(&o.keyFile, "key", "", "FILE: merchant PKCS#8 private key, PEM or bare base64 (RSA, SM2)")
	fs.StringVar(&o.pubFile, "platform-pubkey", "", "FILE: Allinpay platform X.509 public key, PEM or bare base64 (RSA, SM2)")
	fs.StringVar(&o.md5Key, "md5key", "", "MD5 key (MD5)")
	fs.StringVar(&o.version, "version", "11", "interface version: 11 or 12")
	fs.DurationVar(&o.timeout, "timeout", allinpay.DefaultTimeout, "HTTP timeout")
	fs.StringVar(&o.termNo, "termno", "00000001", "terminal number sent in terminfo")
	fs.StringVar(&o.deviceType, "devicetype", "11", "device type sent in terminfo")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, helpText)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return o, nil, errHelp
		}
		return o, nil, usageError{err.Error() + " (see -h)"}
	}
	return o, fs.Args(), nil
}

const helpText = `usage: sybctl [flags] pay|query|cancel|refund|close key=value…
       sybctl [flags] verify < callback-body

  pay     trxamt=FEN authcode=CODE [reqsn=…] [body=…] [remark=…] [termno=…]
  query   reqsn=… | trxid=…
  cancel  trxamt=FEN oldreqsn=… | oldtrxid=… [reqsn=…] [remark=…]
  refund  trxamt=FEN oldreqsn=… | oldtrxid=… [reqsn=…] [remark=…]
  close   oldreqsn=… | oldtrxid=…
  verify  reads a form-encoded callback on stdin and checks its signature

Exit: 0 success/processing, 1 not accepted/failed/not found, 2 bad signature or malformed
response, 3 no usable answer (network, timeout, HTTP error, SYSTEMERR: query first),
4 bad command line or configuration.

flags:
`

// readKeyFile reads a key file named by flag; an empty name gives "".
func readKeyFile(flagName, path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", usageError{fmt.Sprintf("-%s: %v", flagName, err)}
	}
	return string(b), nil
}

// clientConfig turns the flags into a client configuration.
func (o options) clientConfig() (allinpay.Config, error) {
	priv, err := readKeyFile("key", o.keyFile)
	if err != nil {
		return allinpay.Config{}, err
	}
	pub, err := readKeyFile("platform-pubkey", o.pubFile)
	if err != nil {
		return allinpay.Config{}, err
	}
	return allinpay.Config{
		BaseURL: o.base, CusID: o.cusid, AppID: o.appid, OrgID: o.orgid, SignType: o.signType,
		PrivateKey: priv, PlatformPublicKey: pub, MD5Key: o.md5Key, Version: o.version, Timeout: o.timeout,
		TermInfo: allinpay.TermInfo{DeviceType: o.deviceType, TermNo: o.termNo},
	}, nil
}
