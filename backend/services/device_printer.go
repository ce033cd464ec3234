package services

import (
	"context"
	"errors"
	"strings"
	"time"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// PrinterSettings are the 打印配置 of manual §8.1.
type PrinterSettings struct {
	Enabled bool   `json:"enabled"` // 开启打印功能
	Name    string `json:"name"`    // a name from Printers, tcp://host[:port] or file://path
	Copies  int    `json:"copies"`  // 打印次数, 1–5
	Width   int    `json:"width"`   // paper width in mm: 58 or 80
	// QRMode is 二维码打印方式: "command" (the printer's QR command, the default) or "image".
	QRMode string `json:"qrMode"`
}

// withDefaults gives a never-saved printer one copy on 58 mm paper, QR codes by command.
func (p PrinterSettings) withDefaults() PrinterSettings {
	if p.Copies == 0 {
		p.Copies = printer.MinCopies
	}
	if p.Width == 0 {
		p.Width = int(printer.Paper58)
	}
	if p.QRMode == "" {
		p.QRMode = string(printer.QRCommand)
	}
	return p
}

// printerSettings converts to the printer package's settings and checks them, naming the
// UI's fields (name, copies, width) in errors.
func (p PrinterSettings) printerSettings() (printer.Settings, error) {
	ps := printer.Settings{Enabled: p.Enabled, Printer: strings.TrimSpace(p.Name), Paper: printer.Paper(p.Width), Copies: p.Copies,
		QRMode: printer.QRMode(p.QRMode)}
	if err := ps.Validate(); err != nil {
		return ps, renameField(err, map[string]string{"paper": "width", "printer": "name"})
	}
	return ps, nil
}

// renameField returns err with its field renamed by names (the UI's names differ from the
// device packages').
func renameField(err error, names map[string]string) error {
	var e *domain.Error
	if !errors.As(err, &e) || names[e.Field] == "" {
		return err
	}
	c := *e
	c.Field = names[e.Field]
	return &c
}

// Printers lists the printers the system knows (Windows spooler, CUPS elsewhere). A network
// printer that is not listed can still be entered as tcp://host:9100.
func (s *DeviceService) Printers() ([]string, error) {
	names, err := printer.Printers(s.c.context())
	if names == nil {
		names = []string{}
	}
	return names, err
}

// SavePrinter checks and saves the printer settings (the admin only).
func (s *DeviceService) SavePrinter(p PrinterSettings) error {
	if err := s.c.requireAdmin(); err != nil {
		return err
	}
	ps, err := p.printerSettings()
	if err != nil {
		return err
	}
	p.Name = ps.Printer
	return s.c.prefs.UpdateDevices(func(d *DeviceSettings) { d.Printer = p })
}

// testPrintTimeout bounds a test print (a spooler or network printer that does not answer).
const testPrintTimeout = 20 * time.Second

// ReceiptPreview lays out the sample receipt of p as printed lines — copy 1 of p.Copies, on
// p's paper — for the 打印配置 preview, the QR code's modules filled in; TestPrint prints
// exactly these lines.
// The printer itself is not needed (nor checked) for a preview.
func (s *DeviceService) ReceiptPreview(p PrinterSettings) ([]printer.Line, error) {
	p.Enabled = false
	ps, err := p.withDefaults().printerSettings()
	if err != nil {
		return nil, err
	}
	lines, err := printer.Layout(s.sampleReceipt(time.Now()), ps.Paper, 1, ps.Copies)
	return printer.WithModules(lines), err
}

// TestPrint prints one copy of the sample receipt with p (saved or not), so the admin can
// check the printer and the paper width. It returns the printer's error: a code with the
// printer's name; the system's error behind it goes to the log.
func (s *DeviceService) TestPrint(p PrinterSettings) error {
	if err := s.c.requireAdmin(); err != nil {
		return err
	}
	ps, err := printerSettingsOf(p)
	if err != nil {
		return err
	}
	lines, err := printer.Layout(s.sampleReceipt(time.Now()), ps.Paper, 1, ps.Copies)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(s.c.context(), testPrintTimeout)
	defer cancel()
	if err := printer.PrintLines(ctx, ps, "小通付测试小票", lines); err != nil {
		s.c.log.Warn("test print failed", "printer", ps.Printer, "err", err)
		return err
	}
	return nil
}

// printerSettingsOf checks p as a printer about to print (enabled).
func printerSettingsOf(p PrinterSettings) (printer.Settings, error) {
	p.Enabled = true
	return p.withDefaults().printerSettings()
}

// sampleReceipt is the 测试小票 of this terminal at now: its order number and time are China
// time whatever the machine's zone.
func (s *DeviceService) sampleReceipt(now time.Time) printer.Receipt {
	now = now.In(platform.ChinaTime)
	r := printer.Receipt{Merchant: "小通付", Kind: domain.KindPay, Channel: domain.ChannelWeChat, AmountFen: 1,
		OrderNo: "TEST" + now.Format("20060102150405"), Time: now, Note: "测试小票，非交易凭证"}
	if t, err := s.c.terminalInfo(); err == nil {
		r.Merchant, r.Store, r.Terminal = t.MerchantName, t.StoreName, t.TermNo
	}
	return r
}

// printTimeout bounds printing one receipt after a payment.
const printTimeout = time.Minute

// printReceipt prints the receipt of a successful payment, void or refund when printing is
// enabled. It runs
// in the background: an error is logged and sent as device:notice, never to the payment.
func (s *DeviceService) printReceipt(t platform.Trade) {
	p := s.c.prefs.Devices().withDefaults().Printer
	if !p.Enabled {
		return
	}
	ps, err := p.printerSettings()
	if err == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(s.c.context()), printTimeout)
		defer cancel()
		err = printer.Print(ctx, ps, s.receipt(t))
	}
	if err != nil {
		s.fault("printer", t.ID, err)
		return
	}
	s.c.log.Info("receipt printed", "trade", t.ID, "copies", ps.Copies)
}

// receipt lays out what a payment's (or a void's or refund's) receipt shows: the trade, this terminal's merchant,
// store and number, and the cashier.
func (s *DeviceService) receipt(t platform.Trade) printer.Receipt {
	r := printer.Receipt{Merchant: "小通付", Store: t.StoreName, Cashier: t.CashierAccount,
		Kind: domain.TradeKind(t.Kind), Channel: domain.Channel(t.Channel), AmountFen: t.Amount,
		OrderNo: t.ReqSN, OrigNo: t.OrigReqSN, TrxID: t.TrxID, Time: t.CreatedAt.In(platform.ChinaTime)}
	if term, err := s.c.terminalInfo(); err == nil {
		r.Merchant, r.Terminal = term.MerchantName, term.TermNo
		if r.Store == "" {
			r.Store = term.StoreName
		}
	}
	r.Cashier = s.c.cashierLabel(t.CashierAccount)
	return r
}

// cashierLabel is how a receipt names the cashier with account: "account name" when it is
// the one logged in and has a name, else the account.
func (c *Core) cashierLabel(account string) string {
	me, err := call(c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Profile, error) {
		return api.Me(ctx, cr)
	})
	if err == nil && me.Account == account && me.Name != "" {
		return account + " " + me.Name
	}
	return account
}
