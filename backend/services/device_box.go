package services

import (
	"context"
	"strings"
	"sync"
	"time"

	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// BoxSettings are the 盒子配置 of manual §8.2.
type BoxSettings struct {
	Enabled   bool   `json:"enabled"`
	Port      string `json:"port"`      // COM3 on Windows, a device path elsewhere
	Baud      int    `json:"baud"`      // default 9600
	DataBits  int    `json:"dataBits"`  // default 8
	Parity    string `json:"parity"`    // none | odd | even (default none)
	StopBits  string `json:"stopBits"`  // 1 | 1.5 | 2 (default 1)
	Broadcast bool   `json:"broadcast"` // 盒子播报 after a successful payment
}

// withDefaults fills what was never saved with the manual's defaults (9600, 8, none, 1).
func (b BoxSettings) withDefaults() BoxSettings {
	d := scanner.DefaultSettings()
	if b.Baud == 0 {
		b.Baud = d.BaudRate
	}
	if b.DataBits == 0 {
		b.DataBits = d.DataBits
	}
	if b.Parity == "" {
		b.Parity = d.Parity
	}
	if b.StopBits == "" {
		b.StopBits = d.StopBits
	}
	return b
}

// scannerSettings converts to the scanner package's settings.
func (b BoxSettings) scannerSettings() scanner.Settings {
	return scanner.Settings{Port: strings.TrimSpace(b.Port), BaudRate: b.Baud, DataBits: b.DataBits,
		Parity: b.Parity, StopBits: b.StopBits, Broadcast: b.Broadcast}
}

// BoxStatus is where the box connection stands (event box:status): state is off, connecting,
// connected, disconnected or error; code (with params, e.g. the port) is what the screen
// translates, never the system's text; message is its Chinese text, for the log.
type BoxStatus struct {
	State   string         `json:"state"`
	Code    domain.Code    `json:"code"`
	Params  map[string]any `json:"params,omitempty"`
	Message string         `json:"message"`
	// Seq orders the statuses: the UI keeps the one with the highest Seq, so a reply that
	// crossed a newer box:status event on the way cannot bring an old state back.
	Seq uint64 `json:"seq"`
}

// BoxOff is the state of a box that is not enabled.
const BoxOff = "off"

// CodeBoxOff is the code of a box that is not enabled.
const CodeBoxOff domain.Code = "box_off"

var boxOffStatus = BoxStatus{State: BoxOff, Code: CodeBoxOff, Message: "扫码盒子未开启"}

// Ports lists the serial ports (COM1, COM3…) plus the configured one when it is not listed.
func (s *DeviceService) Ports() ([]string, error) {
	ports, err := scanner.Ports(s.c.prefs.Devices().Box.Port)
	names := make([]string, 0, len(ports))
	for _, p := range ports {
		names = append(names, p.Name)
	}
	return names, err
}

// SaveBox checks and saves the box settings (the admin only: CodeAdminOnly otherwise), then closes the box and opens it again with
// them (or leaves it closed when disabled). It returns the status right after opening;
// box:status follows every change.
func (s *DeviceService) SaveBox(b BoxSettings) (BoxStatus, error) {
	if err := s.c.requireAdmin(); err != nil {
		return BoxStatus{}, err
	}
	b = b.withDefaults()
	b.Port = strings.TrimSpace(b.Port)
	if b.Enabled {
		if err := b.scannerSettings().Validate(); err != nil {
			return BoxStatus{}, renameField(err, map[string]string{"baudRate": "baud"})
		}
	}
	if err := s.c.prefs.UpdateDevices(func(d *DeviceSettings) { d.Box = b }); err != nil {
		return BoxStatus{}, err
	}
	return s.box.apply(b), nil
}

// BoxStatus returns the box's current status.
func (s *DeviceService) BoxStatus() (BoxStatus, error) { return s.box.current(), nil }

// boxRunner owns the open scanner.Box and reports what it reads.
type boxRunner struct {
	c     *Core
	opts  DeviceOptions
	open  sync.Mutex // serialises apply and close
	box   *scanner.Box
	mu    sync.Mutex
	gen   int    // bumped at each apply: statuses of an older box are stale
	seq   uint64 // numbers every status kept, see BoxStatus.Seq
	state BoxStatus
}

func newBoxRunner(c *Core, opts DeviceOptions) *boxRunner {
	return &boxRunner{c: c, opts: opts, state: boxOffStatus}
}

// apply closes the open box, then opens one with b when it is enabled.
func (r *boxRunner) apply(b BoxSettings) BoxStatus {
	r.open.Lock()
	defer r.open.Unlock()
	gen := r.nextGen()
	if r.box != nil {
		_ = r.box.Close()
		r.box = nil
	}
	if !b.Enabled {
		r.report(gen, boxOffStatus)
		return r.current()
	}
	h := scanner.Handlers{
		OnCode:   func(code string) { r.scanned(gen, code) },
		OnStatus: func(st scanner.Status) { r.report(gen, boxStatusOf(st)) },
	}
	box, err := scanner.Open(b.scannerSettings(), h, r.opts.Box)
	if err != nil {
		e := domain.AsError(err)
		r.report(gen, BoxStatus{State: string(scanner.StateError), Code: e.Code, Params: e.Params, Message: e.Message})
		return r.current()
	}
	r.box = box
	return r.current()
}

// close closes the box for good (shutdown).
func (r *boxRunner) close() {
	r.open.Lock()
	defer r.open.Unlock()
	r.nextGen()
	if r.box != nil {
		_ = r.box.Close()
		r.box = nil
	}
}

func (r *boxRunner) nextGen() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	return r.gen
}

func (r *boxRunner) current() BoxStatus {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.state
}

// report keeps the status of the box of generation gen and sends box:status.
func (r *boxRunner) report(gen int, st BoxStatus) {
	r.mu.Lock()
	if gen != r.gen {
		r.mu.Unlock()
		return
	}
	r.seq++
	st.Seq = r.seq
	r.state = st
	r.mu.Unlock()
	r.c.emit.Emit(events.BoxStatus, st)
}

// scanned sends the code to the UI (box:scan) and, while the main window is out of sight,
// opens the quick-pay dialog with it. A receipt's QR code (an order number) is sent as such
// and never opens quick-pay: it finds a trade, it pays nothing.
func (r *boxRunner) scanned(gen int, code string) {
	r.mu.Lock()
	stale := gen != r.gen
	r.mu.Unlock()
	if stale {
		return
	}
	if domain.IsOrderNo(code) {
		r.c.emit.Emit(events.BoxScan, events.Scan{Code: code, CodeMasked: code, OrderNo: code})
		return
	}
	r.c.emit.Emit(events.BoxScan, events.Scan{Code: code, CodeMasked: domain.MaskCode(code)})
	if r.opts.Modes.Background() {
		go r.opts.Modes.ShowQuickPay(events.ReasonBox, code, 0)
	}
}

// boxStatusOf converts the scanner's status; a closed box is off.
func boxStatusOf(st scanner.Status) BoxStatus {
	if st.State == scanner.StateClosed {
		return boxOffStatus
	}
	return BoxStatus{State: string(st.State), Code: st.Code, Params: st.Params(), Message: st.Message}
}

// announceTimeout bounds one voice announcement.
const announceTimeout = 30 * time.Second

// announce voices a successful payment when the box is enabled with broadcast: through the
// box, or through the PC's speech when the box cannot (the QR80SR protocol is unknown).
func (r *boxRunner) announce(t platform.Trade) error {
	r.open.Lock()
	box := r.box
	r.open.Unlock()
	if box == nil || !box.Settings().Broadcast {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.c.context()), announceTimeout)
	defer cancel()
	a := scanner.Announcement{Kind: scanner.AnnouncePaid, AmountFen: t.Amount}
	err := box.Announce(ctx, a)
	if domain.CodeOf(err) == scanner.CodeBroadcastUnsupported {
		err = r.opts.PCSpeaker.Speak(ctx, a)
	}
	return err
}
