// Package sybsim is a simulated Allinpay 收银宝 (SYB) platform: an http.Handler that serves
// the same apiweb endpoints as the real one (five for trades, and the daily statement), with
// the same form fields and the same signing (RSA, SM2 or MD5). It verifies every request with
// the merchant's public key (or the MD5 key), signs every accepted response with its own
// platform key, and keeps a ledger of what the "bank" actually did: in memory, or also in a JSON file (Config.StateFile) that
// a restarted simulator continues from.
//
// Endpoints:
//
//	POST /apiweb/unitorder/scanqrpay   pay (被扫)
//	POST /apiweb/tranx/query           by trxid or reqsn; pays, cancels and refunds
//	POST /apiweb/tranx/cancel          same business day (UTC+8), full amount, not yet refunded
//	POST /apiweb/tranx/refund          partial allowed, never above what is left
//	POST /apiweb/tranx/close           only an unpaid processing pay (else trxstatus 3xxx, see below)
//	POST /apiweb/trxfile/get           daily statement (also /cusapi/trxfile/get): answers a url to the ZIP
//	GET  /_sim/trxfile/<key>.zip       the statement: a GBK CSV of the day's settled trades (docs/reconciliation.md)
//	POST /_sim/statement-tweak         JSON StatementTweak: drop, change or add trades in later statements
//	GET  /_sim/trades                  read-only JSON of the ledger (reqsn, trxid, amount, status, code's last 4 digits)
//
// A reqsn is unique per merchant across pays, cancels and refunds; a repeat gets trxstatus 3888.
// Requests with version 11 (or none) get retcode SUCCESS or FAIL; version 12 also gets
// PARAMERR and SIGNAUTHERR.
//
// # Channels
//
// The channel comes from the payment code: 18 digits starting 10–15 is WeChat (trxcode
// VSP501 pay, VSP502 cancel, VSP503 refund); 16–24 digits starting 25–30 is Alipay
// (VSP511/512/513); 19 digits starting 62 is UnionPay QR (VSP551/552/553). Any other code
// fails with trxstatus 3999 and errmsg 无效的付款码.
//
// # Scripted outcomes
//
// The last two digits of the payment code choose what happens:
//
//	00–89  immediate success (0000)
//	90     processing (2008) for the first 2 queries, then success
//	91     processing until closed; close succeeds; later queries say 3088;
//	       a second close fails 3088 订单已关闭
//	92     failure 3999 余额不足
//	93     the trade succeeds, but the pay response comes after Config.SlowDelay
//	       (default 60 s, longer than the client's default 45 s timeout)
//	94     the trade succeeds, but the pay call answers HTTP 500
//	95     the trade succeeds, but the pay response carries a wrong signature
//	96     the trade succeeds, but the connection is dropped without an answer
//	97     processing (2008) for 2 queries, then failure 3088
//	98–99  immediate success, like 00–89
//
// Close answers 0000 only for a processing pay. A paid pay fails 3999 交易已支付,不能关闭; a
// closed one 3088 订单已关闭; one that failed otherwise 3999 交易已失败,不能关闭.
//
// Outcomes 93–96 only change how the pay response travels; queries answer normally, so a
// client that queries after an unknown outcome finds the success and never charges twice.
//
// # Test payment codes
//
// One code per channel and outcome (any code with the same length, prefix and last two
// digits behaves the same):
//
//	outcome  WeChat              Alipay              UnionPay QR
//	success  134567890123456700  281234567890123400  6212345678901234500
//	90       134567890123456790  281234567890123490  6212345678901234590
//	91       134567890123456791  281234567890123491  6212345678901234591
//	92       134567890123456792  281234567890123492  6212345678901234592
//	93       134567890123456793  281234567890123493  6212345678901234593
//	94       134567890123456794  281234567890123494  6212345678901234594
//	95       134567890123456795  281234567890123495  6212345678901234595
//	96       134567890123456796  281234567890123496  6212345678901234596
//	97       134567890123456797  281234567890123497  6212345678901234597
//	invalid  999999999999999999 (any code outside the three patterns)
//
// Use New with your own keys, or NewPair for a simulator and a matching allinpay.Config
// with keys generated in memory. Package simtest starts one on loopback for tests.
package sybsim
