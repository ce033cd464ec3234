// Package ocr reads the amount due from a screenshot of the cashier program, in pure Go: the
// region is split into glyphs, each glyph is compared with glyph templates (built-in ones and those
// learnt by calibration), and the digits, separators, ¥ and 元 are assembled into one amount.
//
// Its first rule is never to read a wrong amount: whenever a glyph in or next to the number is not
// recognised well enough, the spacing does not fit, the number touches the region's edge, a label
// touches the number, a decimal point is stuck to a digit, or the region holds two different
// numbers, it abstains (Result.Err) and the cashier types the amount.
//
// # Confidence and its floor
//
// Result.Confidence is that of the number's least sure digit: how far its best class leads the
// next one, 0 at the smallest lead accepted, 1 at a lead of 0.40 or more. Calibrate learns a floor
// from the calibration image's own confidence (Calibration.Floor); reads below it abstain
// (ErrBelowFloor), so that a screen whose look changed is refused rather than half-read. A
// calibration saved without a floor, and the uncalibrated recogniser, use DefaultFloor.
//
// # Fonts: templates and evaluation never share a font
//
// The built-in templates (builtin.bin, made by `go generate`, see internal/gentemplates) are learnt
// from internal/corpus.TemplateFonts only: Nimbus Sans/Roman/Mono PS (fonts-urw-base35), FreeSans
// and FreeMono (fonts-freefont-ttf), Noto Sans, Noto Sans Display and Noto Serif
// (fonts-noto-core), DejaVu Sans Condensed and DejaVu Serif (fonts-dejavu-core), Liberation Serif
// (fonts-liberation), Noto Sans CJK SC and Noto Serif CJK SC (fonts-noto-cjk). There are
// deliberately no seven-segment templates: a decimal point stuck to a seven-segment digit cannot
// always be told from the digit, so such displays are refused out of the box (and mostly after a
// calibration too) rather than read without their point.
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
// x/image and with ImageMagick, at 12–48 px and 100–150 % display scaling. The corpus tests
// assert zero wrong reads and a coverage floor (corpus_test.go, calibrated_test.go); `make bench`
// prints right / wrong / abstained by font group, size and effect.
//
// Known weak spots (the reader abstains there): seven-segment fonts whose decimal point touches a
// digit, hairline serif CJK digits (AR PL UMing) that fall apart at the ink threshold, glyphs that
// touch each other (small bold type), and 12–14 px text.
package ocr
