package sybsim

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// StatementTweak makes the statements the simulator serves differ from its ledger, to test
// reconciliation: each field names one reqsn (empty: no change).
type StatementTweak struct {
	Drop     string `json:"drop"`     // leave this trade out
	Amount   string `json:"amount"`   // list this trade one fen dearer
	Fail     string `json:"fail"`     // list this trade with trxstatus 3999
	BankOnly bool   `json:"bankOnly"` // add a paid trade the bank alone has (order number SIMBANK…)
}

// statementHeader is the header line the simulator writes: the 19 columns the public PHP
// parser reads (docs/reconciliation.md), with 交易流水号 in the column it leaves unused, and a
// 交易状态 column after them.
var statementHeader = []string{"商户号", "门店名称", "终端号", "交易时间", "交易类型", "交易批次号", "凭证号",
	"参考号", "卡号", "卡类别", "发卡行机构代码", "发卡行名称", "交易金额", "手续费", "交易日期", "交易流水号",
	"订单号", "商户备注", "对接应用号", "交易状态"}

// files keeps the statement ZIPs handed out by trxfile/get until they are downloaded again.
type files struct {
	mu    sync.Mutex
	byKey map[string][]byte
	order []string
	tweak StatementTweak
}

// maxFiles bounds how many statement files the simulator keeps.
const maxFiles = 32

func (f *files) put(b []byte) string {
	var k [12]byte
	_, _ = rand.Read(k[:])
	key := hex.EncodeToString(k[:])
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byKey == nil {
		f.byKey = map[string][]byte{}
	}
	f.byKey[key] = b
	if f.order = append(f.order, key); len(f.order) > maxFiles {
		delete(f.byKey, f.order[0])
		f.order = f.order[1:]
	}
	return key
}

func (f *files) get(key string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.byKey[key]
	return b, ok
}

// SetStatementTweak sets how later statements differ from the ledger (the zero value: not at all).
func (s *Server) SetStatementTweak(t StatementTweak) {
	s.files.mu.Lock()
	defer s.files.mu.Unlock()
	s.files.tweak = t
}

// statement handles trxfile/get: it builds the ZIP of the day's settled trades and answers
// with the url that downloads it from this server.
func (s *Server) statement(req map[string]string, base string) reply {
	date := req["date"]
	day, err := time.ParseInLocation("20060102", date, cst)
	if err != nil || len(date) != 8 {
		return notAccepted("PARAMERR", "date格式错误")
	}
	s.files.mu.Lock()
	tweak := s.files.tweak
	s.files.mu.Unlock()
	zipped, err := s.statementZip(day, tweak)
	if err != nil {
		return notAccepted("FAIL", "生成对账文件失败")
	}
	key := s.files.put(zipped)
	return reply{retcode: "SUCCESS", fields: map[string]string{"url": base + "/_sim/trxfile/" + key + ".zip"},
		note: fmt.Sprintf(" statement %s", date)}
}

// statementLines are the CSV lines of the settled trades created on day (China time).
func (s *Server) statementLines(day time.Time, tw StatementTweak) [][]string {
	s.ledger.mu.Lock()
	defer s.ledger.mu.Unlock()
	lines := [][]string{statementHeader}
	for _, t := range s.ledger.rows {
		if t.Status != "0000" || !sameDay(t.created, day) || t.ReqSN == tw.Drop {
			continue
		}
		amt, status := t.Amount, t.Status
		if t.ReqSN == tw.Amount {
			amt++
		}
		if t.ReqSN == tw.Fail {
			status = "3999"
		}
		lines = append(lines, s.statementLine(t.created, t.TrxCode, t.TrxID, t.ReqSN, amt, t.Kind != "pay", status))
	}
	if tw.BankOnly {
		at := day.Add(12 * time.Hour)
		lines = append(lines, s.statementLine(at, "VSP501", at.Format("060102")+"999999999999", "SIMBANK"+at.Format("20060102"), 1234, false, "0000"))
	}
	return lines
}

// statementLine is one trade in the file; a reversal's amount is negative.
func (s *Server) statementLine(at time.Time, code, trxid, reqsn string, fen int64, reversal bool, status string) []string {
	sign := ""
	if reversal {
		sign = "-"
	}
	at = at.In(cst)
	return []string{s.cfg.CusID, "模拟门店", "00000001", at.Format("2006-01-02 15:04:05"), code, "", "", "", "", "",
		"", "", fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100), "0.00", at.Format("2006-01-02"), trxid, reqsn, "",
		s.cfg.AppID, status}
}

// statementZip renders the day's lines as a GBK CSV inside a ZIP.
func (s *Server) statementZip(day time.Time, tw StatementTweak) ([]byte, error) {
	var text bytes.Buffer
	w := csv.NewWriter(&text)
	w.UseCRLF = true
	if err := w.WriteAll(s.statementLines(day, tw)); err != nil {
		return nil, err
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(text.Bytes())
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	f, err := zw.Create(s.cfg.CusID + "_" + day.Format("20060102") + ".csv")
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(gbk); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// serveFile answers GET /_sim/trxfile/<key>.zip with a file trxfile/get handed out.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/_sim/trxfile/"), ".zip")
	b, ok := s.files.get(key)
	if r.Method != http.MethodGet || !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	_, _ = w.Write(b)
}

// serveTweak answers POST /_sim/statement-tweak (a JSON StatementTweak) for manual tests.
func (s *Server) serveTweak(w http.ResponseWriter, r *http.Request) {
	var t StatementTweak
	if r.Method != http.MethodPost || json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&t) != nil {
		http.Error(w, "POST a JSON StatementTweak", http.StatusBadRequest)
		return
	}
	s.SetStatementTweak(t)
	w.WriteHeader(http.StatusNoContent)
}

// sameDay reports whether t falls on day's China date.
func sameDay(t, day time.Time) bool {
	return t.In(cst).Format("20060102") == day.In(cst).Format("20060102")
}

// baseURL is the scheme and host a request reached this server by.
func baseURL(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}
