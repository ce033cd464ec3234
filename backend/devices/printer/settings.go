package printer

import (
	"context"

	"xiaotongfu/backend/domain"
)

// Settings is the 打印配置 of manual §8.1.
type Settings struct {
	Enabled bool   `json:"enabled"` // 开启打印功能
	Printer string `json:"printer"` // queue name, tcp://host[:port] or file://path
	Paper   Paper  `json:"paper"`   // 58 or 80
	Copies  int    `json:"copies"`  // 打印次数, 1–5
	QRMode  QRMode `json:"qrMode"`  // 二维码打印方式
}

// DefaultSettings is printing off, 58 mm paper, one copy, QR codes by the printer's command.
func DefaultSettings() Settings { return Settings{Paper: Paper58, Copies: 1, QRMode: QRCommand} }

// Validate checks the settings; a disabled printer still needs a valid paper and copy count
// so that turning it on later cannot fail on stale values.
func (s Settings) Validate() error {
	if s.Paper.Columns() == 0 {
		return domain.FieldError("paper", "纸张宽度只能是 58mm 或 80mm")
	}
	if err := ValidateCopies(s.Copies); err != nil {
		return err
	}
	if err := ValidateQRMode(s.QRMode); err != nil {
		return err
	}
	if s.Enabled {
		if _, err := ParseTarget(s.Printer); err != nil {
			return err
		}
	}
	return nil
}

// Print renders r with the settings and sends it to the configured printer as one job. It
// does nothing when printing is disabled.
func Print(ctx context.Context, s Settings, r Receipt) error {
	if !s.Enabled {
		return nil
	}
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := Render(r, s.Paper, s.Copies, s.QRMode)
	if err != nil {
		return err
	}
	t, err := ParseTarget(s.Printer)
	if err != nil {
		return err
	}
	return t.Send(ctx, "小通付小票 "+clean(r.OrderNo), data)
}

// PrintLines sends lines already laid out (one copy, see Layout) to the configured printer
// as one job called name, whether or not printing is enabled: a test print.
func PrintLines(ctx context.Context, s Settings, name string, lines []Line) error {
	t, err := ParseTarget(s.Printer)
	if err != nil {
		return err
	}
	return t.Send(ctx, name, Encode(lines, s.QRMode))
}
