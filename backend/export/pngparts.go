package export

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Layout sizes, in layout units.
const (
	margin     = 32
	gap        = 20
	headerH    = 104
	cardH      = 112
	rowH       = 44
	hourPanelH = 300
	footerH    = 44
	radius     = 10
)

// drawHeader paints the blue band with the store, the day and the brand.
func drawHeader(c *canvas, fs *faces, stats platform.DayStats) int {
	c.rect(0, 0, layoutWidth, headerH, colHeader)
	name := stats.StoreName
	if name == "" {
		name = fs.txt.anyStore
	}
	c.text(fs.title, name, margin, 48, alignLeft, colPanel)
	c.text(fs.sub, fs.txt.title+"  "+periodLabel(fs, stats)+"  ·  "+fs.txt.onlyStore, margin, 80, alignLeft, colHeader2)
	c.text(fs.brand, "小通付", layoutWidth-margin, 48, alignRight, colPanel)
	c.text(fs.small, "XiaoTongFu", layoutWidth-margin, 76, alignRight, colHeader2)
	return headerH
}

// periodLabel is the day, or "first 至 last" for a longer period.
func periodLabel(fs *faces, stats platform.DayStats) string {
	if len(stats.ByDay) <= 1 || stats.From == stats.To {
		return cmp.Or(stats.Day, stats.From)
	}
	return stats.From + fs.txt.periodTo + stats.To
}

// drawCards paints the four total cards and returns the y below them.
func drawCards(c *canvas, fs *faces, s platform.DayStats, y int) int {
	cards := []struct {
		label  string
		amount int64
		count  string
		accent color.RGBA
	}{
		{fs.txt.pay, s.PayAmount, fs.txt.count(s.PayCount), colPay},
		{fs.txt.cancel, -s.CancelAmount, fs.txt.count(s.CancelCount), colCancel},
		{fs.txt.refund, -s.RefundAmount, fs.txt.count(s.RefundCount), colRefund},
		{fs.txt.net, s.NetAmount, fs.txt.allCount(s.PayCount + s.CancelCount + s.RefundCount), colNet},
	}
	w := (layoutWidth - 2*margin - 3*16) / 4
	for i, cd := range cards {
		x := margin + i*(w+16)
		accent := cd.accent
		c.roundRect(float64(x), float64(y), float64(w), cardH, radius, accent)
		c.roundRect(float64(x+4), float64(y), float64(w-4), cardH, radius-2, colPanel)
		c.text(fs.label, cd.label, x+20, y+30, alignLeft, colMuted)
		c.text(fs.amount, yuan(cd.amount), x+20, y+68, alignLeft, accent)
		c.text(fs.small, cd.count, x+20, y+94, alignLeft, colMuted)
	}
	return y + cardH
}

// channelPanelHeight is the height of the channel panel with n rows (at least one).
func channelPanelHeight(n int) int {
	if n < 1 {
		n = 1
	}
	return 60 + n*rowH + 12
}

// drawChannels paints one bar per channel, largest first, sized by its share of the day's
// payments.
func drawChannels(c *canvas, fs *faces, s platform.DayStats, y, h int) int {
	x, w := margin, layoutWidth-2*margin
	c.roundRect(float64(x), float64(y), float64(w), float64(h), radius, colPanel)
	c.text(fs.heading, fs.txt.byChannel, x+20, y+36, alignLeft, colText)
	c.text(fs.small, fs.txt.byChannelSub, x+20+c.textWidth(fs.heading, fs.txt.byChannel)+12, y+36, alignLeft, colMuted)
	if len(s.ByChannel) == 0 {
		c.text(fs.label, fs.txt.none, layoutWidth/2, y+60+26, alignCenter, colMuted)
		return y + h
	}
	chans := slices.Clone(s.ByChannel)
	slices.SortStableFunc(chans, func(a, b platform.ChannelStats) int { return cmp.Compare(b.Amount, a.Amount) })
	total := int64(0)
	for _, ch := range chans {
		total += max(ch.Amount, 0)
	}
	label := 100 // the track starts after the longest channel name
	for _, ch := range chans {
		label = max(label, 38+c.textWidth(fs.label, fs.txt.channel(ch.Channel))+16)
	}
	trackX, trackW := x+label, w-label-260
	for i, ch := range chans {
		ry := y + 60 + i*rowH
		col, ok := channelColors[ch.Channel]
		if !ok {
			col = colMuted
		}
		c.roundRect(float64(x+20), float64(ry+10), 10, 10, 5, col)
		c.text(fs.label, fs.txt.channel(ch.Channel), x+38, ry+20, alignLeft, colText)
		c.roundRect(float64(trackX), float64(ry+8), float64(trackW), 14, 7, colTrack)
		if total > 0 && ch.Amount > 0 {
			fill := float64(trackW) * float64(ch.Amount) / float64(total)
			c.roundRect(float64(trackX), float64(ry+8), max(fill, 14), 14, 7, col)
		}
		right := layoutWidth - margin - 20
		c.text(fs.label, percent(ch.Amount, total), right, ry+20, alignRight, colMuted)
		c.text(fs.label, yuan(ch.Amount), right-70, ry+20, alignRight, colText)
		c.text(fs.small, fs.txt.count(ch.Count), trackX+trackW+16, ry+20, alignLeft, colMuted)
	}
	return y + h
}

// column is one bar of the column chart: an hour or a day.
type column struct {
	label         string
	count, amount int64
}

// hourColumns are the 24 hours of a day, labelled every other hour.
func hourColumns(fs *faces, hours [24]platform.HourStats) []column {
	out := make([]column, 24)
	for i, h := range hours {
		out[i] = column{count: h.Count, amount: h.Amount}
		if i%2 == 0 {
			out[i].label = fs.txt.hour(i)
		}
	}
	return out
}

// dayColumns are the days of a period (MM-DD), labelled so that at most about 12 show.
func dayColumns(days []platform.DaySum) []column {
	every := (len(days) + 11) / 12
	out := make([]column, len(days))
	for i, d := range days {
		out[i] = column{count: d.Count, amount: d.Amount}
		if i%every == 0 && len(d.Day) == 10 {
			out[i].label = d.Day[5:]
		}
	}
	return out
}

// drawColumns paints the payments of each hour or day as columns with a light grid; the
// counts stand on the bars while there is room for them.
func drawColumns(c *canvas, fs *faces, title, unit, none string, cols []column, y int) int {
	x, w := margin, layoutWidth-2*margin
	c.roundRect(float64(x), float64(y), float64(w), hourPanelH, radius, colPanel)
	c.text(fs.heading, title, x+20, y+36, alignLeft, colText)
	c.text(fs.small, unit, x+20+c.textWidth(fs.heading, title), y+36, alignLeft, colMuted)
	peak := int64(0)
	for _, col := range cols {
		peak = max(peak, col.amount)
	}
	top := niceCeil(peak)
	chartX, chartW := x+84, w-84-24
	chartY, chartH := y+64, hourPanelH-64-44
	for i := 0; i <= 4; i++ {
		gy := chartY + chartH - chartH*i/4
		c.rect(chartX, gy, chartW, 1, colGrid)
		c.text(fs.tiny, yuanShort(top*int64(i)/4), chartX-10, gy+4, alignRight, colMuted)
	}
	if peak == 0 {
		c.text(fs.label, none, chartX+chartW/2, chartY+chartH/2, alignCenter, colMuted)
	}
	slot := float64(chartW) / float64(max(len(cols), 1))
	for i, col := range cols {
		bx := float64(chartX) + slot*float64(i) + slot*0.18
		if col.amount > 0 {
			bh := float64(chartH) * float64(col.amount) / float64(top)
			bh = max(bh, 2)
			c.roundRect(bx, float64(chartY+chartH)-bh, slot*0.64, bh, min(3, slot*0.3), colBar)
			if slot >= 22 {
				c.text(fs.tiny, itoa64(col.count), int(bx+slot*0.32), chartY+chartH-int(bh)-6, alignCenter, colMuted)
			}
		}
		if col.label != "" {
			c.text(fs.tiny, col.label, int(bx+slot*0.32), chartY+chartH+20, alignCenter, colMuted)
		}
	}
	return y + hourPanelH
}

// drawFooter writes the note under the panels.
func drawFooter(c *canvas, fs *faces, opts PNGOptions, y int) {
	note := fs.txt.note
	if !opts.GeneratedAt.IsZero() {
		loc := opts.Location
		if loc == nil {
			loc = platform.ChinaTime
		}
		note = fs.txt.generated + opts.GeneratedAt.In(loc).Format("2006-01-02 15:04") + " · " + note
	}
	c.text(fs.small, note, layoutWidth/2, y+28, alignCenter, colMuted)
}

// yuan is fen as "¥1,234.56" (negative: "-¥12.00").
func yuan(fen int64) string {
	s := domain.FormatFen(fen)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	return sign + "¥" + group(s[:len(s)-3]) + s[len(s)-3:]
}

// yuanShort is a whole-yuan axis label ("¥1,500"), with cents only when needed.
func yuanShort(fen int64) string {
	if fen%100 != 0 {
		return yuan(fen)
	}
	return "¥" + group(strconv.FormatInt(fen/100, 10))
}

// group puts thousands separators into a string of digits.
func group(d string) string {
	for i := len(d) - 3; i > 0; i -= 3 {
		d = d[:i] + "," + d[i:]
	}
	return d
}

// percent is part/total with one decimal, in integers ("45.5%").
func percent(part, total int64) string {
	if total <= 0 || part <= 0 {
		return "0.0%"
	}
	tenths := (part*1000 + total/2) / total
	return strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10) + "%"
}

// niceCeil rounds a peak (fen) up to 1, 2 or 5 × 10ⁿ yuan × 4 grid steps, at least ¥4.
func niceCeil(peak int64) int64 {
	step := int64(100)
	for step*4 < peak && step < math.MaxInt64/20 {
		switch {
		case leadingDigit(step) == 1:
			step *= 2
		case leadingDigit(step) == 2:
			step = step / 2 * 5
		default:
			step *= 2
		}
	}
	return step * 4
}

// leadingDigit is the first decimal digit of n > 0.
func leadingDigit(n int64) int64 {
	for n >= 10 {
		n /= 10
	}
	return n
}

func itoa64(n int64) string {
	return strconv.FormatInt(n, 10)
}
