package services

import (
	"context"
	"time"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Error codes of 补打 (reprint from 交易查询).
const (
	CodeReprintPrinterOff domain.Code = "reprint_printer_off" // 开启打印功能 is off
	CodeReprintNoReceipt  domain.Code = "reprint_no_receipt"  // the trade did not succeed, so it has no receipt
)

// Reprint is 补打: it prints one copy of the receipt of trade id again, marked 重打印 with the
// time of the reprint, on the configured printer. The trade must be one the caller may see
// (cashiers: their own) and a successful payment, void or refund; printing must be on. It
// returns the printer's error.
func (s *DeviceService) Reprint(id uint) error {
	p := s.c.prefs.Devices().withDefaults().Printer
	if !p.Enabled {
		return domain.Errorf(CodeReprintPrinterOff, "打印功能未开启，请在 设置 → 打印配置 中开启")
	}
	ps, err := p.printerSettings()
	if err != nil {
		return err
	}
	t, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.GetTrade(ctx, cr, id)
	})
	if err != nil {
		return err
	}
	if t.Status != string(domain.StatusSuccess) {
		return domain.Errorf(CodeReprintNoReceipt, "这笔交易未成功，没有小票可补打")
	}
	r := s.receipt(*t)
	r.ReprintedAt = time.Now().In(platform.ChinaTime)
	ps.Copies = 1
	ctx, cancel := context.WithTimeout(s.c.context(), printTimeout)
	defer cancel()
	if err := printer.Print(ctx, ps, r); err != nil {
		return err
	}
	s.c.log.Info("receipt reprinted", "trade", t.ID)
	return nil
}
