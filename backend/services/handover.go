package services

import (
	"context"
	"time"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// CodeHandoverNotFound says the handover to reprint is not one the caller may see.
const CodeHandoverNotFound domain.Code = "handover_not_found"

// HandoverPrefs are this terminal's 交接班 prompt settings, kept with the device settings.
type HandoverPrefs struct {
	// SkipPrompt is 不再提示: 退出登录 and 退出 no longer ask "交班后退出?".
	SkipPrompt bool `json:"skipPrompt"`
}

// HandoverService is 交接班 (issue 12): the shift's preview, closing it with its slip on the
// receipt printer, the 交接班记录 list, reprints and exports. The platform decides what a
// shift holds and who sees which handover (admins: the store's; cashiers: their own).
type HandoverService struct {
	c    *Core
	jobs jobs // the running export, for CancelExport
}

// NewHandoverService binds the handover methods to c.
func NewHandoverService(c *Core) *HandoverService { return &HandoverService{c: c} }

// HandoverResult is a closed shift and how its slip printing went: Printed when the slip
// went to the printer; PrintError (a code) when printing is on and failed. The handover is
// made either way.
type HandoverResult struct {
	Handover   *platform.Handover `json:"handover"`
	Printed    bool               `json:"printed"`
	PrintError *domain.Error      `json:"printError,omitempty"`
}

// Preview is what Close would report now, closing nothing.
func (s *HandoverService) Preview() (*platform.Handover, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Handover, error) {
		return api.HandoverPreview(ctx, cr)
	})
}

// Close makes the handover of the logged-in cashier on this terminal (immutable once made)
// and prints its slip when printing is on.
func (s *HandoverService) Close() (HandoverResult, error) {
	h, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Handover, error) {
		return api.Handover(ctx, cr)
	})
	if err != nil {
		return HandoverResult{}, err
	}
	res := HandoverResult{Handover: h}
	p := s.c.prefs.Devices().withDefaults().Printer
	if !p.Enabled {
		return res, nil
	}
	if err := s.print(p, *h, time.Time{}); err != nil {
		res.PrintError = domain.AsError(err)
		return res, nil
	}
	res.Printed = true
	return res, nil
}

// List returns one page of handovers, newest first (every day when f.Day is empty).
func (s *HandoverService) List(f platform.HandoverFilter) (*platform.HandoverPage, error) {
	return s.list(s.c.context(), f)
}

// list is List bounded by ctx (an export's job).
func (s *HandoverService) list(ctx context.Context, f platform.HandoverFilter) (*platform.HandoverPage, error) {
	return call(s.c, func(_ context.Context, api platform.API, cr platform.Creds) (*platform.HandoverPage, error) {
		return api.Handovers(ctx, cr, f)
	})
}

// Reprint prints the slip of handover no (closed on day, yyyy-MM-dd, China time) again,
// marked 重打印. It must be one the caller may see; printing must be on.
func (s *HandoverService) Reprint(no, day string) error {
	p := s.c.prefs.Devices().withDefaults().Printer
	if !p.Enabled {
		return domain.Errorf(CodeReprintPrinterOff, "打印功能未开启，请在 设置 → 打印配置 中开启")
	}
	hs, err := s.fetchAll(s.c.context(), platform.HandoverFilter{Day: day}, nil)
	if err != nil {
		return err
	}
	for _, h := range hs {
		if h.No == no {
			return s.print(p, h, time.Now().In(platform.ChinaTime))
		}
	}
	return domain.Errorf(CodeHandoverNotFound, "找不到这条交接班记录")
}

// print sends the slip of h to the printer (one copy), marked reprinted when at is set.
func (s *HandoverService) print(p PrinterSettings, h platform.Handover, at time.Time) error {
	ps, err := p.printerSettings()
	if err != nil {
		return err
	}
	slip := s.slip(h)
	slip.ReprintedAt = at
	lines, err := printer.LayoutHandover(slip, ps.Paper)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.c.context()), printTimeout)
	defer cancel()
	if err := printer.PrintLines(ctx, ps, "小通付交接班 "+h.No, lines); err != nil {
		s.c.log.Warn("handover slip not printed", "no", h.No, "code", domain.CodeOf(err), "err", err)
		return err
	}
	s.c.log.Info("handover slip printed", "no", h.No, "reprint", !at.IsZero())
	return nil
}

// slip is what the printed slip of h shows, in China time.
func (s *HandoverService) slip(h platform.Handover) printer.HandoverSlip {
	m := h.Sums
	out := printer.HandoverSlip{Merchant: "小通付", Store: h.StoreName, Terminal: h.TermNo,
		Cashier: s.c.cashierLabel(h.Cashier), No: h.No,
		From: h.From.In(platform.ChinaTime), To: h.To.In(platform.ChinaTime),
		PayCount: m.PayCount, PayAmount: m.PayAmount, CancelCount: m.CancelCount, CancelAmount: m.CancelAmount,
		RefundCount: m.RefundCount, RefundAmount: m.RefundAmount, FailedCount: m.FailedCount, NetAmount: m.NetAmount,
		Open: slipTrades(m.Open), Late: slipTrades(m.Late)}
	if t, err := s.c.terminalInfo(); err == nil && t.MerchantName != "" {
		out.Merchant = t.MerchantName
	}
	for _, c := range m.ByChannel {
		out.Channels = append(out.Channels, printer.HandoverChannel{Channel: domain.Channel(c.Channel),
			PayCount: c.PayCount, PayAmount: c.PayAmount, ReverseCount: c.ReverseCount,
			ReverseAmount: c.ReverseAmount, NetAmount: c.NetAmount})
	}
	return out
}

func slipTrades(ts []platform.HandoverTrade) []printer.HandoverTrade {
	out := make([]printer.HandoverTrade, len(ts))
	for i, t := range ts {
		out[i] = printer.HandoverTrade{OrderNo: t.ReqSN, Kind: domain.TradeKind(t.Kind), AmountFen: t.Amount}
	}
	return out
}

// QuitAsk says whether 退出登录 and 退出 should ask "交班后退出?" now, with the preview it
// would close. It asks only with a cashier logged in, 不再提示 not chosen and a shift that
// holds something (a trade counted or still open). It never fails: an unknown shift is not
// asked about, so nothing stands in the way of quitting.
type QuitAsk struct {
	Ask     bool               `json:"ask"`
	Preview *platform.Handover `json:"preview,omitempty"`
}

// QuitAsk reports whether to ask "交班后退出?" (see the type).
func (s *HandoverService) QuitAsk() QuitAsk {
	if s.c.prefs.Devices().Handover.SkipPrompt || s.c.creds().SessionToken == "" {
		return QuitAsk{}
	}
	h, err := s.Preview()
	if err != nil {
		s.c.log.Info("handover prompt skipped", "code", domain.CodeOf(err))
		return QuitAsk{}
	}
	m := h.Sums
	busy := m.PayCount+m.CancelCount+m.RefundCount+m.FailedCount > 0 || len(m.Open) > 0 || len(m.Late) > 0
	return QuitAsk{Ask: busy, Preview: h}
}

// ShouldAsk is QuitAsk().Ask, for the tray's 退出.
func (s *HandoverService) ShouldAsk() bool { return s.QuitAsk().Ask }

// SetSkipPrompt saves 不再提示 (true) or asks again (false); anyone at the till may choose.
func (s *HandoverService) SetSkipPrompt(skip bool) error {
	return s.c.prefs.UpdateDevices(func(d *DeviceSettings) { d.Handover.SkipPrompt = skip })
}

// Prefs returns this terminal's 交接班 prompt settings.
func (s *HandoverService) Prefs() HandoverPrefs { return s.c.prefs.Devices().Handover }
