package corpus

import "fmt"

// Font is a font file and the group of Windows fonts it stands in for.
type Font struct {
	Path  string
	Group string
}

// TemplateFonts are the fonts the built-in templates (builtin.bin, internal/gentemplates) are
// learnt from. No font here is ever used by the evaluation corpus (EvalFonts); TestFontSetsDisjoint
// checks that. Each file comes from a Debian package that scripts/deps.sh installs.
var TemplateFonts = []Font{
	{"/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", "arial"},      // fonts-urw-base35
	{"/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf", "bold"},          // fonts-urw-base35
	{"/usr/share/fonts/truetype/freefont/FreeSans.ttf", "arial"},                  // fonts-freefont-ttf
	{"/usr/share/fonts/truetype/freefont/FreeSansBold.ttf", "bold"},               // fonts-freefont-ttf
	{"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "segoe"},              // fonts-noto-core
	{"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "bold"},                  // fonts-noto-core
	{"/usr/share/fonts/truetype/noto/NotoSansDisplay-Regular.ttf", "segoe"},       // fonts-noto-core
	{"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "verdana"},       // fonts-dejavu-core
	{"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf", "bold"},     // fonts-dejavu-core
	{"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "serif"},                 // fonts-dejavu-core
	{"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "serif"},             // fonts-noto-core
	{"/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf", "serif"},     // fonts-urw-base35
	{"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "serif"}, // fonts-liberation
	{"/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf", "mono"},     // fonts-urw-base35
	{"/usr/share/fonts/truetype/freefont/FreeMono.ttf", "mono"},                   // fonts-freefont-ttf
	{"/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf", "mono"},        // fonts-urw-base35
	{"/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf", "mono"},               // fonts-freefont-ttf
	{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#2", "cjk-sans"},      // fonts-noto-cjk
	{"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc#2", "bold"},             // fonts-noto-cjk
	{"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2", "cjk-serif"},    // fonts-noto-cjk
}

// EvalFonts are the evaluation-only fonts of the corpus, by the Windows font they stand in for:
// cjk-sans 微软雅黑, heiti 黑体, cjk-serif 宋体/新宋体, arial Arial, verdana Tahoma/Verdana,
// segoe Segoe UI, mono Consolas, bold the bold weights, seg7 the seven-segment 数码管 style.
var EvalFonts = []Font{
	{"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0", "cjk-sans"},             // fonts-wqy-microhei
	{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#0", "heiti"},                  // fonts-wqy-zenhei
	{"/usr/share/fonts/truetype/arphic/uming.ttc#0", "cjk-serif"},                // fonts-arphic-uming
	{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "arial"}, // fonts-liberation
	{"/usr/share/fonts/truetype/croscore/Arimo-Regular.ttf", "arial"},            // fonts-croscore
	{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "verdana"},               // fonts-dejavu-core
	{"/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf", "segoe"},        // fonts-open-sans
	{"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "mono"},              // fonts-dejavu-core
	{"/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf", "mono"},  // fonts-liberation
	{"/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", "bold"},     // fonts-liberation
	{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "bold"},             // fonts-dejavu-core
	{"/usr/share/fonts/truetype/open-sans/OpenSans-Bold.ttf", "bold"},            // fonts-open-sans
	{"/usr/share/fonts/truetype/dseg/DSEG7Classic-Regular.ttf", "seg7"},          // fonts-dseg
	{"/usr/share/fonts/truetype/dseg/DSEG7Classic-Bold.ttf", "seg7"},             // fonts-dseg
}

// Groups lists the font groups in report order.
var Groups = []string{"cjk-sans", "heiti", "cjk-serif", "arial", "verdana", "segoe", "mono", "bold", "seg7"}

// SizeBands are the digit-size bands of the report: [lo, hi] em pixels before display scaling.
var SizeBands = [][2]int{{12, 14}, {15, 20}, {21, 30}, {31, 48}}

// Band names the size band of px, e.g. "12-14".
func Band(px float64) string {
	for _, b := range SizeBands {
		if int(px) >= b[0] && int(px) <= b[1] {
			return fmt.Sprintf("%d-%d", b[0], b[1])
		}
	}
	return "other"
}

// FilePath drops a collection index ("x.ttc#2" → "x.ttc").
func FilePath(path string) string {
	if i := len(path) - 2; i > 0 && path[i] == '#' {
		return path[:i]
	}
	return path
}
