// Package corpus generates the OCR test corpus: amounts drawn in many fonts, sizes, colours and
// backgrounds, with labels, noise and display scaling, each with the exact answer expected. Half
// of the fonts are not among those the built-in templates were made from, and images are drawn
// both by golang.org/x/image (in process) and by ImageMagick's convert (a different rasteriser).
package corpus

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
)

// Font is a font file used for the corpus, and whether the built-in templates were learnt from it.
type Font struct {
	Path string
	Seen bool
}

// Fonts lists the corpus fonts.
var Fonts = []Font{
	{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", true},
	{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", true},
	{"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", true},
	{"/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf", true},
	{"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", true},
	{"/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", false},
	{"/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf", false},
	{"/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf", false},
	{"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", false},
	{"/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf", false},
	{"/usr/share/fonts/truetype/noto/NotoSansDisplay-Regular.ttf", false},
	{"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2", false},
}

// LabelFont draws the CJK labels and the fullwidth ￥.
const LabelFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#2"

// Sample is one corpus image to draw.
type Sample struct {
	Name    string
	Want    string // expected output: the amount as "123.32", or "?" when the recogniser must abstain
	Font    Font
	Label   string // drawn before the number in LabelFont, may be ""
	Text    string // the number as displayed, e.g. "¥1,234.56"
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
		s := Sample{Magick: magick, Font: Fonts[rng.IntN(len(Fonts))], Hinting: rng.IntN(2) == 0}
		s.SizePx = float64(10 + rng.IntN(39))
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
		if i%8 == 7 {
			s.Text, s.Want = refusal(fen, rng), "?"
		}
		s.X = 6 + rng.Float64()*20
		s.W = max(300, int(s.X+labelWidth(s.Label+s.Text, s.SizePx)+20))
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
