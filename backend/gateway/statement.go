package gateway

// Statement is the acquirer's daily statement (对账单) of one business day: every trade it
// records for the merchant that day. See docs/reconciliation.md for the file format and what
// of it is unverified.
type Statement struct {
	Date string         // yyyyMMdd, China time
	Rows []StatementRow // in file order
}

// StatementRow is one trade line of a statement. Amounts are fen, always positive; Kind says
// whether the line is a payment or a reversal.
type StatementRow struct {
	Line    int    // 1-based line in the CSV file, for messages
	ReqSN   string // our order number (订单号); may be empty for trades made elsewhere
	TrxID   string // the acquirer's serial number (交易流水号); may be empty
	Amount  int64  // fen
	Fee     int64  // fen (手续费), 0 when absent
	Status  string // trxstatus: "0000" for a settled line (the default when the file has no status column)
	TrxCode string // VSP501 etc., or the type text when the file carries no code
	Kind    string // pay, cancel or refund
	Time    string // yyyyMMddHHmmss when the file's date and time say it, else ""
}

// Settled reports whether the line records money that moved (trxstatus 0000).
func (r StatementRow) Settled() bool { return r.Status == "0000" }
