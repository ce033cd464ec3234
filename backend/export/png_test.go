package export

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/platform"
)

// sampleStats is a busy day at a small shop.
func sampleStats() platform.DayStats {
	s := platform.DayStats{Day: "2018-12-10", StoreName: "通联便利店（五一广场店）",
		PayCount: 132, PayAmount: 1_268_950, CancelCount: 2, CancelAmount: 3_500, RefundCount: 1, RefundAmount: 1_200,
		ByChannel: []platform.ChannelStats{
			{Channel: "alipay", Count: 41, Amount: 402_300},
			{Channel: "unionpay", Count: 9, Amount: 118_650},
			{Channel: "wechat", Count: 82, Amount: 748_000},
		}}
	s.NetAmount = s.PayAmount - s.CancelAmount - s.RefundAmount
	counts := []int64{0, 0, 0, 0, 0, 0, 0, 3, 9, 12, 8, 10, 18, 14, 7, 6, 8, 11, 15, 6, 3, 2, 0, 0}
	for h, n := range counts {
		s.ByHour = append(s.ByHour, platform.HourStats{Hour: h, Count: n, Amount: n * 9_613})
	}
	return s
}

func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return img
}

// savePNG keeps the picture for a person to look at when XTF_EXPORT_PNG_DIR is set.
func savePNG(t *testing.T, name string, data []byte) {
	if dir := os.Getenv("XTF_EXPORT_PNG_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// colours counts the distinct colours of img and how many pixels are not the background.
func colours(img image.Image) (distinct, inked int) {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			seen[c] = true
			if c != colBg {
				inked++
			}
		}
	}
	return len(seen), inked
}

func TestStatsPNGSizeAndInk(t *testing.T) {
	stats := sampleStats()
	data, err := StatsPNG(stats, PNGOptions{GeneratedAt: time.Date(2018, 12, 10, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	savePNG(t, "stats.png", data)
	img := decodePNG(t, data)
	h := headerH + gap + cardH + gap + channelPanelHeight(3) + gap + hourPanelH + footerH
	if b := img.Bounds(); b.Dx() != 1800 || b.Dy() != 2*h {
		t.Errorf("size = %v, want 1800×%d", b.Size(), 2*h)
	}
	distinct, inked := colours(img)
	if distinct < 50 || inked < img.Bounds().Dx()*img.Bounds().Dy()/3 {
		t.Errorf("picture looks blank: %d colours, %d inked pixels", distinct, inked)
	}
}

func TestStatsPNGEmptyDay(t *testing.T) {
	data, err := StatsPNG(platform.DayStats{Day: "2018-12-11"}, PNGOptions{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	savePNG(t, "stats-empty.png", data)
	img := decodePNG(t, data)
	h := headerH + gap + cardH + gap + channelPanelHeight(0) + gap + hourPanelH + footerH
	if b := img.Bounds(); b.Dx() != layoutWidth || b.Dy() != h {
		t.Errorf("size = %v", b.Size())
	}
	if distinct, _ := colours(img); distinct < 20 {
		t.Errorf("empty day looks blank: %d colours", distinct)
	}
}

func TestStatsPNGRejectsBadInput(t *testing.T) {
	bad := sampleStats()
	bad.ByHour = append(bad.ByHour, platform.HourStats{Hour: 24, Count: 1, Amount: 1})
	if _, err := StatsPNG(bad, PNGOptions{}); err == nil || !strings.Contains(err.Error(), "小时 24") {
		t.Errorf("hour 24: err = %v", err)
	}
	if _, err := StatsPNG(sampleStats(), PNGOptions{Scale: 9}); err == nil || !strings.Contains(err.Error(), "缩放") {
		t.Errorf("scale 9: err = %v", err)
	}
	odd := sampleStats()
	odd.NetAmount, odd.ByChannel[0].Amount = -5_000_00, -1 // drawn as they are, never a panic
	if _, err := StatsPNG(odd, PNGOptions{Scale: 1}); err != nil {
		t.Errorf("negative figures: %v", err)
	}
}

func TestBoldLabelsAreEmbedded(t *testing.T) {
	_, bold, err := embeddedFonts()
	if err != nil {
		t.Fatal(err)
	}
	tf, err := newTypeface(16, bold)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(boldLabels, yuan(-123456789)) {
		if !tf.covers(s) {
			t.Errorf("bold subset lacks a rune of %q: add it to fonts/bold-chars.txt and run fonts/subset.sh", s)
		}
	}
}

func TestRareCharacterFallsBackToSystemFont(t *testing.T) {
	reg, _, err := embeddedFonts()
	if err != nil {
		t.Fatal(err)
	}
	const rare = "䶮" // not in GB2312, so not in the embedded subset
	only, _ := newTypeface(16, reg)
	if only.covers(rare) {
		t.Fatalf("%s unexpectedly in the subset; pick another test character", rare)
	}
	sys, err := loadSystemFont(systemFontPaths())
	if errors.Is(err, ErrNoFont) {
		t.Skipf("no system CJK font on this machine (%v); the fallback cannot be shown here", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	chain, _ := newTypeface(16, reg, sys)
	if !chain.covers("刘" + rare + "便利店") {
		t.Errorf("system font does not supply %s", rare)
	}
	stats := sampleStats()
	stats.StoreName = "刘" + rare + "便利店"
	data, err := StatsPNG(stats, PNGOptions{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	savePNG(t, "stats-rare.png", data)
	if _, err := StatsPNG(stats, PNGOptions{Scale: 1, FallbackFonts: []string{"/nonexistent/font.ttc"}}); err != nil {
		t.Errorf("a missing fallback font must still draw (a box for the rare character): %v", err)
	}
}

func TestLoadSystemFontNamesWhereItLooked(t *testing.T) {
	_, err := loadSystemFont([]string{"/nonexistent/a.ttc", "/nonexistent/b.ttf"})
	if !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "/nonexistent/b.ttf") {
		t.Errorf("err = %v", err)
	}
}

func TestMoneyText(t *testing.T) {
	cases := [][2]string{
		{yuan(0), "¥0.00"}, {yuan(1), "¥0.01"}, {yuan(-1200), "-¥12.00"}, {yuan(123456789), "¥1,234,567.89"},
		{yuanShort(150000), "¥1,500"}, {yuanShort(150), "¥1.50"}, {percent(1, 3), "33.3%"}, {percent(2, 3), "66.7%"},
		{percent(0, 0), "0.0%"},
	}
	for _, c := range cases {
		if got, want := c[0], c[1]; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	for peak, want := range map[int64]int64{0: 400, 400: 400, 401: 800, 172_000: 200_000, 900_000: 2_000_000} {
		if got := niceCeil(peak); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", peak, got, want)
		}
	}
}

// TestStatsPNGSpeaksTheUILanguage: the picture the 统计 dialog shows is drawn in the UI's
// language with the dialog's words (净收款), every word in the embedded regular font.
func TestStatsPNGSpeaksTheUILanguage(t *testing.T) {
	zh, err := StatsPNG(sampleStats(), PNGOptions{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	en, err := StatsPNG(sampleStats(), PNGOptions{Scale: 1, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	savePNG(t, "stats-en.png", en)
	if bytes.Equal(zh, en) {
		t.Fatal("the English picture is the Chinese one")
	}
	if pictureTextFor("zh-CN").net != "净收款" || pictureTextFor("en").net != "Net" {
		t.Fatalf("net card is %q / %q; the dialog says 净收款 / Net", pictureZh.net, pictureEn.net)
	}
	reg, _, err := embeddedFonts()
	if err != nil {
		t.Fatal(err)
	}
	tf, err := newTypeface(14, reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*pictureText{&pictureZh, &pictureEn} {
		for _, s := range []string{p.anyStore, p.title, p.onlyStore, p.pay, p.cancel, p.refund, p.net, p.count(3),
			p.allCount(3), p.byChannel, p.byChannelSub, p.byHour, p.byHourUnit, p.none, p.note, p.generated,
			p.hour(12), p.channel("unionpay")} {
			if !tf.covers(s) {
				t.Errorf("the embedded font lacks a rune of %q", s)
			}
		}
	}
}

// TestStatsPNGPeriodByDay: a period is drawn with its days as columns (any length up to the
// span) instead of the hours, at the same size, and names the period in both languages.
func TestStatsPNGPeriodByDay(t *testing.T) {
	one := sampleStats()
	oneDay, err := StatsPNG(one, PNGOptions{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{2, 31, 92} {
		period := sampleStats()
		period.From, period.To, period.Day = "2026-01-01", "2026-04-02", ""
		for d := range n {
			period.ByDay = append(period.ByDay, platform.DaySum{Day: fmt.Sprintf("2026-01-%02d", d%28+1), Count: int64(d), Amount: int64(d) * 1000})
		}
		for _, lang := range []string{"zh-CN", "en"} {
			img, err := StatsPNG(period, PNGOptions{Scale: 1, Lang: lang})
			if err != nil {
				t.Fatalf("%d days, %s: %v", n, lang, err)
			}
			a, _ := png.DecodeConfig(bytes.NewReader(img))
			b, _ := png.DecodeConfig(bytes.NewReader(oneDay))
			if a.Width != b.Width || a.Height != b.Height || bytes.Equal(img, oneDay) {
				t.Fatalf("%d days, %s: %dx%d, one day %dx%d", n, lang, a.Width, a.Height, b.Width, b.Height)
			}
		}
	}
}
