package export

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"time"

	"golang.org/x/image/font/opentype"

	"xiaotongfu/backend/platform"
)

// PNGOptions tune StatsPNG. The zero value draws 1800 px wide with no time stamp.
type PNGOptions struct {
	// Scale is pixels per layout unit (the layout is 900 units wide); 0 means 2, for a crisp
	// picture on high-DPI screens and phones. It must be at most 4.
	Scale float64
	// GeneratedAt, when set, is printed in the footer in Location (nil: China time).
	GeneratedAt time.Time
	Location    *time.Location
	// Lang picks the words: "en" English, anything else (the default) Chinese.
	Lang string
	// FallbackFonts are font files tried, in order, for characters that the embedded subset
	// lacks (a rare character in a store name); nil means the usual system paths
	// (微软雅黑/黑体/宋体 on Windows, Noto CJK and others elsewhere).
	FallbackFonts []string
}

// layoutWidth is the picture's width in layout units.
const layoutWidth = 900

// palette of the picture.
var (
	colBg      = hex(0xF3F5F9)
	colPanel   = hex(0xFFFFFF)
	colHeader  = hex(0x1E4FA3)
	colHeader2 = hex(0xC9D8F2)
	colText    = hex(0x1F2937)
	colMuted   = hex(0x6B7280)
	colGrid    = hex(0xE5E8EE)
	colTrack   = hex(0xEEF1F6)
	colPay     = hex(0x2563EB)
	colCancel  = hex(0xD97706)
	colRefund  = hex(0xDC2626)
	colNet     = hex(0x059669)
	colBar     = hex(0x3B7BF0)
)

// channelColors are the wallets' brand colours.
var channelColors = map[string]color.RGBA{
	"wechat": hex(0x07C160), "alipay": hex(0x1677FF), "unionpay": hex(0xD7000F),
}

// boldLabels are the fixed texts drawn in bold; fonts/bold-chars.txt must hold their runes.
var boldLabels = []string{"小通付", "收款", "撤销", "退货", "净收款", "渠道分布", "分时段收款", "（金额）", "按支付渠道统计收款"}

// faces are the typefaces of one picture.
type faces struct {
	title, sub, label, small, tiny *typeface
	amount, brand, heading         *typeface
	txt                            *pictureText
}

// StatsPNG draws the statistics of a day or a period of the current store (manual §5.3) as a
// PNG: a header with the store and the period, cards with 笔数 and 金额 of 收款, 撤销, 退货
// and 净收款, the payments per channel as bars, and the payments per hour (one day) or per
// day (a longer period, stats.ByDay) as a column chart.
func StatsPNG(stats platform.DayStats, opts PNGOptions) ([]byte, error) {
	if opts.Scale == 0 {
		opts.Scale = 2
	}
	if opts.Scale < 0.5 || opts.Scale > 4 {
		return nil, fmt.Errorf("export: 图片缩放比例 %.2f 超出范围 0.5–4", opts.Scale)
	}
	hours, err := hourly(stats.ByHour)
	if err != nil {
		return nil, err
	}
	fs, err := newFaces(stats, opts)
	if err != nil {
		return nil, err
	}
	chanH := channelPanelHeight(len(stats.ByChannel))
	height := headerH + gap + cardH + gap + chanH + gap + hourPanelH + footerH
	c := newCanvas(layoutWidth, height, opts.Scale, colBg)
	y := drawHeader(c, fs, stats)
	y = drawCards(c, fs, stats, y+gap)
	y = drawChannels(c, fs, stats, y+gap, chanH)
	if len(stats.ByDay) > 1 {
		y = drawColumns(c, fs, fs.txt.byDay, fs.txt.byDayUnit, fs.txt.nonePeriod, dayColumns(stats.ByDay), y+gap)
	} else {
		y = drawColumns(c, fs, fs.txt.byHour, fs.txt.byHourUnit, fs.txt.none, hourColumns(fs, hours), y+gap)
	}
	drawFooter(c, fs, opts, y)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, c.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// hourly spreads ByHour into 24 slots, refusing hours outside 0–23.
func hourly(in []platform.HourStats) ([24]platform.HourStats, error) {
	var out [24]platform.HourStats
	for _, h := range in {
		if h.Hour < 0 || h.Hour > 23 {
			return out, fmt.Errorf("export: 统计数据的小时 %d 不在 0–23 之间", h.Hour)
		}
		out[h.Hour].Count += h.Count
		out[h.Hour].Amount += h.Amount
	}
	for i := range out {
		out[i].Hour = i
	}
	return out, nil
}

// newFaces builds the typefaces, adding a system font only when the store name or a
// channel name has characters the embedded subset lacks.
func newFaces(stats platform.DayStats, opts PNGOptions) (*faces, error) {
	reg, bold, err := embeddedFonts()
	if err != nil {
		return nil, err
	}
	var extra *opentype.Font
	probe, err := newTypeface(12, reg)
	if err != nil {
		return nil, err
	}
	if !probe.covers(stats.StoreName + channelNames(stats)) {
		paths := opts.FallbackFonts
		if paths == nil {
			paths = systemFontPaths()
		}
		extra, _ = loadSystemFont(paths) // none found: the rare character draws as a box
	}
	s := opts.Scale
	mk := func(size float64, b bool) *typeface {
		if b {
			tf, _ := newTypeface(size*s, bold, reg, extra)
			return tf
		}
		tf, _ := newTypeface(size*s, reg, extra)
		return tf
	}
	return &faces{
		title: mk(26, false), sub: mk(14, false), label: mk(14, false), small: mk(12, false), tiny: mk(11, false),
		amount: mk(24, true), brand: mk(20, true), heading: mk(16, true), txt: pictureTextFor(opts.Lang),
	}, nil
}

func channelNames(stats platform.DayStats) string {
	var s string
	for _, ch := range stats.ByChannel {
		s += ChannelLabel(ch.Channel)
	}
	return s
}
