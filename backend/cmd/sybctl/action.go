package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
)

// allowed lists the key=value names each action takes.
var allowed = map[string][]string{
	"pay":    {"reqsn", "trxamt", "authcode", "body", "remark", "termno"},
	"query":  {"reqsn", "trxid"},
	"cancel": {"reqsn", "trxamt", "oldreqsn", "oldtrxid", "remark"},
	"refund": {"reqsn", "trxamt", "oldreqsn", "oldtrxid", "remark"},
	"close":  {"oldreqsn", "oldtrxid"},
}

// parseKV reads key=value arguments, refusing names the action does not take.
func parseKV(action string, args []string) (map[string]string, error) {
	names, ok := allowed[action]
	if !ok {
		return nil, usageError{fmt.Sprintf("unknown action %q: pay, query, cancel, refund, close or verify", action)}
	}
	kv := map[string]string{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, usageError{fmt.Sprintf("argument %q is not key=value", a)}
		}
		if !contains(names, k) {
			return nil, usageError{fmt.Sprintf("%s does not take %q (it takes %s)", action, k, strings.Join(names, ", "))}
		}
		kv[k] = v
	}
	return kv, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fen reads trxamt as a whole number of fen.
func fen(kv map[string]string) (int64, error) {
	s := kv["trxamt"]
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || strings.Trim(s, "0123456789") != "" {
		return 0, usageError{fmt.Sprintf("trxamt=%q must be a positive whole number of fen (100 = 1.00 元)", s)}
	}
	return n, nil
}

// newReqSN makes a reqsn for a new trade: CTL, the time and microseconds (23 characters).
func newReqSN() string {
	now := time.Now()
	return fmt.Sprintf("CTL%s%06d", now.Format("20060102150405"), now.Nanosecond()/1000)
}

// do sends one action through the provider.
func do(p gateway.Provider, action string, kv map[string]string) (*gateway.Result, error) {
	ctx := context.Background()
	switch action {
	case "query":
		return p.Query(ctx, gateway.QueryRequest{ReqSN: kv["reqsn"], TrxID: kv["trxid"]})
	case "close":
		return p.Close(ctx, gateway.CloseRequest{OldReqSN: kv["oldreqsn"], OldTrxID: kv["oldtrxid"]})
	}
	amt, err := fen(kv)
	if err != nil {
		return nil, err
	}
	switch action {
	case "pay":
		return p.Pay(ctx, gateway.PayRequest{ReqSN: kv["reqsn"], Amount: amt, AuthCode: kv["authcode"],
			Body: kv["body"], Remark: kv["remark"], TermNo: kv["termno"]})
	case "cancel", "refund":
		req := gateway.ReverseRequest{ReqSN: kv["reqsn"], Amount: amt, OldReqSN: kv["oldreqsn"],
			OldTrxID: kv["oldtrxid"], Remark: kv["remark"]}
		if action == "cancel" {
			return p.Cancel(ctx, req)
		}
		return p.Refund(ctx, req)
	}
	return nil, usageError{"unknown action " + action}
}

// call runs pay, query, cancel, refund or close and reports the result.
func call(o options, action string, args []string, stdout, stderr io.Writer) int {
	kv, err := parseKV(action, args)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	cfg, err := o.clientConfig()
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	client, err := allinpay.New(cfg)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	if contains(allowed[action], "trxamt") {
		if _, err := fen(kv); err != nil {
			return fail(stderr, exitUsage, err)
		}
	}
	if contains(allowed[action], "trxamt") && kv["reqsn"] == "" {
		kv["reqsn"] = newReqSN()
		fmt.Fprintf(stderr, "sybctl: reqsn=%s\n", kv["reqsn"])
	}
	r, err := do(client, action, kv)
	var na *gateway.ErrNotAccepted
	switch {
	case isUsage(err):
		return fail(stderr, exitUsage, err)
	case errors.As(err, &na) && na.Local:
		return fail(stderr, exitUsage, fmt.Errorf("not sent: %s", na.RetMsg))
	case errors.As(err, &na):
		printJSON(stdout, map[string]string{"retcode": na.RetCode, "retmsg": na.RetMsg})
		return fail(stderr, exitFailed, err)
	case errors.Is(err, allinpay.ErrBadSignature), errors.Is(err, allinpay.ErrMalformed):
		return fail(stderr, exitBadAnswer, err)
	case gateway.IsUnknown(err):
		return fail(stderr, exitUnknown, fmt.Errorf("%v; the outcome is unknown, query before retrying", err))
	}
	printJSON(stdout, r.Fields)
	if err != nil {
		return fail(stderr, exitFailed, err)
	}
	switch r.State {
	case gateway.StateSuccess, gateway.StateProcessing:
	case gateway.StateNotFound:
		return fail(stderr, exitFailed, errors.New("trade not found (1001)"))
	case gateway.StateFailed:
		return fail(stderr, exitFailed, fmt.Errorf("%s failed (%s)", action, r.TrxStatus))
	default:
		return fail(stderr, exitUnknown, fmt.Errorf("%s %s (%s): no usable answer, query before retrying", action, r.State, r.TrxStatus))
	}
	fmt.Fprintf(stderr, "sybctl: %s %s (%s)\n", action, r.State, r.TrxStatus)
	return exitOK
}

// verify checks a form-encoded callback on stdin with the platform key or MD5 key.
func verify(o options, stdin io.Reader, stdout, stderr io.Writer) int {
	var v allinpay.Verifier
	var err error
	if o.signType == allinpay.SignMD5 {
		v, err = allinpay.NewVerifier(o.signType, nil, "", o.md5Key)
	} else {
		var pubText string
		if pubText, err = readKeyFile("platform-pubkey", o.pubFile); err == nil {
			v, err = platformVerifier(o.signType, pubText)
		}
	}
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	body, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
	if err != nil {
		return fail(stderr, exitUsage, fmt.Errorf("read stdin: %v", err))
	}
	fields, err := allinpay.VerifyNotify(v, o.signType, body)
	if err != nil {
		return fail(stderr, exitBadAnswer, err)
	}
	printJSON(stdout, fields)
	fmt.Fprintln(stderr, "sybctl: callback signature OK")
	return exitOK
}

// platformVerifier builds an RSA or SM2 verifier from the platform public key text.
func platformVerifier(signType, pubText string) (allinpay.Verifier, error) {
	if pubText == "" {
		return nil, usageError{"-platform-pubkey is required for " + signType}
	}
	pub, err := allinpay.ParsePublicKey([]byte(pubText))
	if err != nil {
		return nil, usageError{"-platform-pubkey: " + err.Error()}
	}
	v, err := allinpay.NewVerifier(signType, pub, allinpay.PlatformUID, "")
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return v, nil
}

func printJSON(w io.Writer, v any) {
	b, _ := json.MarshalIndent(v, "", "  ")
	fmt.Fprintln(w, string(b))
}

// fail prints err on one line and returns code.
func fail(stderr io.Writer, code int, err error) int {
	fmt.Fprintln(stderr, "sybctl:", strings.ReplaceAll(err.Error(), "\n", " "))
	return code
}
