// Package ocr reads the amount due from a screenshot of the cashier program, in pure Go: the
// region is split into glyphs, each glyph is compared with glyph templates (built-in ones and those
// learnt by calibration), and the digits, separators, ¥ and 元 are assembled into one amount.
//
// Its first rule is never to read a wrong amount: whenever a glyph in or next to the number is not
// recognised well enough, the spacing does not fit, the number touches the region's edge, a label
// touches the number, a decimal point is stuck to a digit, or the region holds two different
// numbers, it abstains (Result.Err) and the cashier types the amount.
//
// # Fonts: templates and evaluation never share a font
//
// The built-in templates (builtin.bin, made by `go generate`, see internal/gentemplates) are learnt
// from internal/corpus.TemplateFonts only: Nimbus Sans/Roman/Mono PS (fonts-urw-base35), FreeSans
// and FreeMono (fonts-freefont-ttf), Noto Sans, Noto Sans Display and Noto Serif
// (fonts-noto-core), DejaVu Sans Condensed and DejaVu Serif (fonts-dejavu-core), Liberation Serif
// (fonts-liberation), Noto Sans CJK SC and Noto Serif CJK SC (fonts-noto-cjk) and DSEG7 Modern
// (fonts-dseg).
//
// The evaluation corpus (internal/corpus, the corpus tests and scripts/bench-ocr.sh) uses
// internal/corpus.EvalFonts only, grouped by the Windows font they stand in for: 微软雅黑 →
// WenQuanYi Micro Hei; 黑体 → WenQuanYi Zen Hei; 宋体 → AR PL UMing; Arial → Liberation Sans and
// Arimo; Tahoma/Verdana → DejaVu Sans; Segoe UI → Open Sans; Consolas → DejaVu Sans Mono and
// Liberation Mono; bold weights → Liberation Sans Bold, DejaVu Sans Bold, Open Sans Bold; the
// seven-segment 数码管 style → DSEG7 Classic. Labels, ￥ and 元 are drawn in WenQuanYi Micro Hei.
// TestFontSetsDisjoint fails if a font file appears in both lists. All of them are Debian packages
// that scripts/deps.sh installs.
//
// The corpus also draws ClearType colour fringes, dark themes, a 1–2 px italic slant, a glued ¥ or
// 元, space and comma thousands and busy rows (several numbers, which must be refused), with
// x/image and with ImageMagick, at 12–48 px and 100–150 % display scaling.
package ocr
