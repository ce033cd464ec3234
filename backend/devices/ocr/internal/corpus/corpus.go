// Package corpus generates the OCR test corpus: amounts drawn in many fonts, sizes, colours and
// backgrounds, with labels, noise, display scaling and the effects of real cashier screens
// (ClearType fringes, dark themes, italic slant, a glued ¥ or 元, space thousands, busy rows),
// each with the exact answer expected. Every corpus font is evaluation-only: the built-in
// templates are learnt from TemplateFonts, which share no file with EvalFonts (see fonts.go and
// the ocr package documentation). Images are drawn both by golang.org/x/image (in process) and by
// ImageMagick's convert (a different rasteriser).
package corpus

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
)

// LabelFont draws the CJK labels, the fullwidth ￥ and a glued 元. It is an evaluation font too.
const LabelFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0"

// Sample is one corpus image to draw.
type Sample struct {
	Name    string
	Want    string // expected output: the amount as "123.32", or "?" when the recogniser must abstain
	Font    Font
	Label   string // drawn before the number in LabelFont, may be ""
	Text    string // the number as displayed, e.g. "¥1,234.56"
	Suffix  string // drawn right after the number in LabelFont, glued to it, e.g. "元"
	Effect  string // one of Effects
	SizePx  float64
	Scale   float64 // Windows display scaling: 1, 1.25 or 1.5
	Bitmap  bool    // scaling done by stretching the finished bitmap (DPI-unaware app) rather than by a larger font
	FG, BG  color.RGBA
	Noise   float64 // standard deviation of Gaussian noise, in 0–255 units
	X       float64 // left edge of the text
	W, H    int
	Magick  bool // drawn by ImageMagick rather than x/image
	Hinting bool
}

// Effects are the screen conditions a sample may show besides plain text.
var Effects = []string{"plain", "cleartype", "dark", "italic", "yuan", "spaces", "busy"}

// darkColours are light-on-dark theme colours.
var darkColours = [][2]color.RGBA{
	{{230, 230, 230, 255}, {30, 30, 30, 255}},
	{{255, 255, 255, 255}, {45, 45, 48, 255}},
	{{120, 220, 255, 255}, {20, 24, 32, 255}},
}

var colours = [][2]color.RGBA{
	{{0, 0, 0, 255}, {255, 255, 255, 255}},
	{{255, 255, 255, 255}, {0, 84, 166, 255}},
	{{230, 30, 30, 255}, {0, 0, 0, 255}},
	{{0, 230, 0, 255}, {10, 10, 10, 255}},
	{{90, 90, 90, 255}, {235, 235, 235, 255}},
	{{20, 20, 120, 255}, {255, 250, 205, 255}},
	{{255, 255, 0, 255}, {0, 80, 40, 255}},
	{{200, 0, 0, 255}, {240, 240, 240, 255}},
}

var labels = []string{"", "", "金额:", "应收", "应收金额：", "合计"}

// Generate returns n samples for one rasteriser, deterministically from seed. About one in eight
// is a case the recogniser must refuse (two different numbers, three decimals, bad separators,
// a minus sign, a number cut by the region's edge).
func Generate(seed uint64, n int, magick bool) []Sample {
	rng := rand.New(rand.NewPCG(seed, 0x6f6372))
	out := make([]Sample, 0, n)
	for i := 0; i < n; i++ {
		s := Sample{Magick: magick, Font: EvalFonts[rng.IntN(len(EvalFonts))], Hinting: rng.IntN(2) == 0}
		s.SizePx = float64(12 + rng.IntN(37))
		s.Scale = []float64{1, 1, 1.25, 1.5}[rng.IntN(4)]
		s.Bitmap = s.Scale != 1 && rng.IntN(2) == 0
		c := colours[rng.IntN(len(colours))]
		s.FG, s.BG = c[0], c[1]
		if rng.IntN(3) == 0 {
			s.Noise = 2 + rng.Float64()*8
		}
		s.Label = labels[rng.IntN(len(labels))]
		fen := randomFen(rng)
		s.Text, s.Want = display(fen, rng)
		s.Effect = Effects[rng.IntN(len(Effects))]
		applyEffect(&s, fen, rng)
		if i%8 == 7 {
			s.Text, s.Want, s.Suffix = refusal(fen, rng), "?", ""
		}
		if s.Font.Group == "seg7" {
			s.Text = strings.Replace(s.Text, "¥", "￥", 1) // DSEG has digits and separators only
		}
		s.X = 6 + rng.Float64()*20
		s.W = max(300, int(s.X+s.width()+s.SizePx*0.6+20))
		if s.Want == "?" && strings.HasPrefix(s.Text, "CLIP") {
			s.Text = strings.TrimPrefix(s.Text, "CLIP")
			s.Label = ""
			s.X = -s.SizePx * 0.3
		}
		s.H = max(60, int(s.SizePx*1.6))
		kind := "go"
		if magick {
			kind = "im"
		}
		s.Name = fmt.Sprintf("%s-%03d", kind, i)
		out = append(out, s)
	}
	return out
}

// applyEffect changes s for its effect: colours, a glued 元, space thousands or a busy row
// (several numbers on one line, which the built-in reader must refuse).
func applyEffect(s *Sample, fen int64, rng *rand.Rand) {
	switch s.Effect {
	case "dark":
		c := darkColours[rng.IntN(len(darkColours))]
		s.FG, s.BG = c[0], c[1]
	case "yuan":
		s.Text = strings.TrimLeft(s.Text, "¥￥")
		s.Suffix = "元"
	case "spaces":
		if fen >= 100000 {
			s.Text = strings.ReplaceAll(s.Text, ",", " ")
			if !strings.Contains(s.Text, " ") {
				s.Text = strings.TrimLeft(s.Text, "¥￥")
				want := s.Want
				s.Text = strings.ReplaceAll(group(fen/100), ",", " ") + want[len(want)-3:]
			}
		}
	case "busy":
		qty := 2 + rng.IntN(8)
		s.Label = fmt.Sprintf("数量 %d 单价 %d.%02d 合计", qty, fen/100/int64(qty)+1, fen%100)
		s.Want = "?"
	}
}

func randomFen(rng *rand.Rand) int64 {
	switch rng.IntN(4) {
	case 0:
		return 1 + rng.Int64N(999)
	case 1:
		return 100 + rng.Int64N(99900)
	case 2:
		return 100000 + rng.Int64N(9900000)
	}
	return 100 * (1 + rng.Int64N(5000))
}

// display formats fen as a cashier program might, returning the text and the expected answer.
func display(fen int64, rng *rand.Rand) (string, string) {
	want := fmt.Sprintf("%d.%02d", fen/100, fen%100)
	text := want
	if fen >= 100000 && rng.IntN(2) == 0 {
		text = group(fen/100) + want[len(want)-3:]
	}
	switch rng.IntN(4) {
	case 0:
		text = "¥" + text
	case 1:
		text = "￥" + text
	}
	return text, want
}

func group(yuan int64) string {
	s := fmt.Sprint(yuan)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// refusal makes a display the recogniser must not read as one amount.
func refusal(fen int64, rng *rand.Rand) string {
	v := fmt.Sprintf("%d.%02d", fen/100, fen%100)
	switch rng.IntN(5) {
	case 0:
		return fmt.Sprintf("%d   %s", 2+rng.IntN(7), v)
	case 1:
		return v + fmt.Sprint(rng.IntN(10))
	case 2:
		return "-" + v
	case 3:
		return fmt.Sprintf("%d,%02d.%02d", 1+rng.IntN(9), rng.IntN(100), fen%100)
	}
	return "CLIP" + fmt.Sprintf("%d%s", 1+rng.IntN(9), v)
}

// Variant returns s showing fen instead, formatted the same way (currency sign, thousands
// separator, suffix), as the same cashier screen shows the next amount.
func Variant(s Sample, fen int64, name string) Sample {
	want := fmt.Sprintf("%d.%02d", fen/100, fen%100)
	text := want
	switch {
	case strings.Contains(s.Text, ",") && fen >= 100000:
		text = group(fen/100) + want[len(want)-3:]
	case strings.Contains(s.Text, " ") && fen >= 100000:
		text = strings.ReplaceAll(group(fen/100), ",", " ") + want[len(want)-3:]
	}
	for _, sign := range []string{"¥", "￥"} {
		if strings.HasPrefix(s.Text, sign) {
			text = sign + text
		}
	}
	v := s
	v.Name, v.Text, v.Want = name, text, want
	v.W = max(s.W, int(s.X+v.width()+s.SizePx*0.6+20))
	return v
}
