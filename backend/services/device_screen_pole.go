package services

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"strings"
	"sync"
	"time"

	"go.bug.st/serial"

	"xiaotongfu/backend/devices/pole"
	"xiaotongfu/backend/devices/screen"
	"xiaotongfu/backend/domain"
)

// PoleSettings are the 客显 (customer display) source's ports: Port is the end of a virtual
// port pair (com0com on Windows) the cashier program writes its display bytes to, Baud its
// rate, and Relay, when set, the real display, which then receives every byte unchanged.
type PoleSettings struct {
	Port  string `json:"port"`
	Baud  int    `json:"baud"`  // 2400 (default), 4800, 9600 or 19200
	Relay string `json:"relay"` // 转发到客显屏; "" = no relay
}

// PoleBauds are the baud rates a 客显 may use.
var PoleBauds = []int{2400, 4800, 9600, 19200}

// Errors of saving 客显 settings (the UI translates the codes).
const (
	CodePolePortMissing domain.Code = "pole_port_missing" // no port chosen
	CodePoleBaud        domain.Code = "pole_baud"         // a rate not in PoleBauds
	CodePoleRelaySame   domain.Code = "pole_relay_same"   // the relay is the port listened to
)

// withDefaults trims the ports and fills the baud rate with 2400.
func (p PoleSettings) withDefaults() PoleSettings {
	p.Port, p.Relay = strings.TrimSpace(p.Port), strings.TrimSpace(p.Relay)
	if p.Baud == 0 {
		p.Baud = PoleBauds[0]
	}
	return p
}

// check validates the settings of the 客显 source.
func (p *PoleSettings) check() error {
	*p = p.withDefaults()
	switch {
	case p.Port == "":
		return &domain.Error{Code: CodePolePortMissing, Field: "pole.port", Message: "请选择收银软件连接客显的串口"}
	case !validBaud(p.Baud):
		return (&domain.Error{Code: CodePoleBaud, Field: "pole.baud", Message: "客显波特率须为 2400、4800、9600 或 19200"}).With("baud", p.Baud)
	case strings.EqualFold(p.Relay, p.Port):
		return &domain.Error{Code: CodePoleRelaySame, Field: "pole.relay", Message: "转发的串口不能是监听的串口"}
	}
	return nil
}

func validBaud(b int) bool {
	for _, v := range PoleBauds {
		if v == b {
			return true
		}
	}
	return false
}

// 客显 listener states (PoleStatus.State).
const (
	PoleOff       = "off"       // 客显 is not the amount source
	PoleListening = "listening" // the port is open and read
	PoleFailed    = "failed"    // the port could not be opened or stopped; Code says why
)

// Reasons of a PoleFailed status (PoleStatus.Code); Params["port"] is the port concerned.
const (
	PolePortBusy     = "pole_port_busy"      // another program holds the port
	PolePortNotFound = "pole_port_not_found" // no such port
	PolePortDenied   = "pole_port_denied"    // the system refuses access
	PolePortFailed   = "pole_port_failed"    // it cannot be opened for another reason
	PolePortLost     = "pole_port_lost"      // reading stopped (the port went away)
)

// PoleStatusCodes lists every PoleStatus.Code, for the test that each has a text.
var PoleStatusCodes = []string{PolePortBusy, PolePortNotFound, PolePortDenied, PolePortFailed, PolePortLost}

// PoleStatus is where the 客显 source stands: State, the reason Code with Params when it
// failed, and the last total seen (fen; 0 = none yet) with when (Unix milliseconds).
type PoleStatus struct {
	State  string            `json:"state"`
	Code   string            `json:"code,omitempty"`
	Params map[string]string `json:"params,omitempty"`
	Total  int64             `json:"total"`
	At     int64             `json:"at"`
}

// poleState follows the open listener; its lock is never held while the listener is closed.
type poleState struct {
	mu       sync.Mutex
	gen      int // bumped at each open and off: totals of an older listener are stale
	listener *pole.Listener
	status   PoleStatus
}

// open opens the listener for p and returns it with its closer, recording the status.
func (s *poleState) open(p PoleSettings, log *slog.Logger) (screen.AmountSource, func(), error) {
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	l, err := pole.Open(pole.Options{Port: p.Port, BaudRate: p.Baud, RelayPort: p.Relay, Logger: log},
		func(fen int64) { s.seen(gen, fen) })
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.listener, s.status = nil, poleFailure(p, err)
		return nil, nil, err
	}
	s.listener, s.status = l, PoleStatus{State: PoleListening}
	return l, func() { _ = l.Close() }, nil
}

// off records that no listener runs.
func (s *poleState) off() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	s.listener, s.status = nil, PoleStatus{State: PoleOff}
}

// seen records a total the display showed (0, a clear, keeps the last total).
func (s *poleState) seen(gen int, fen int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen == s.gen && fen > 0 {
		s.status.Total, s.status.At = fen, time.Now().UnixMilli()
	}
}

// current returns the status, PolePortLost once the listener stopped reading.
func (s *poleState) current(port string) PoleStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	if s.listener != nil {
		if _, err := s.listener.Read(context.Background()); err != nil {
			st.State, st.Code, st.Params = PoleFailed, PolePortLost, map[string]string{"port": port}
		}
	}
	if st.State == "" {
		st.State = PoleOff
	}
	return st
}

// poleFailure translates why opening p failed into a status; the system's text goes to the log.
func poleFailure(p PoleSettings, err error) PoleStatus {
	port := p.Port
	if errors.Is(err, pole.ErrRelay) {
		port = p.Relay
	}
	code := PolePortFailed
	var pe *serial.PortError
	switch {
	case errors.As(err, &pe) && pe.Code() == serial.PortBusy:
		code = PolePortBusy
	case errors.As(err, &pe) && pe.Code() == serial.PortNotFound, errors.Is(err, fs.ErrNotExist):
		code = PolePortNotFound
	case errors.As(err, &pe) && pe.Code() == serial.PermissionDenied, errors.Is(err, fs.ErrPermission):
		code = PolePortDenied
	}
	return PoleStatus{State: PoleFailed, Code: code, Params: map[string]string{"port": port}}
}

// PoleStatus returns the 客显 source's status: listening, why its port failed, and the last
// total it saw.
func (s *DeviceService) PoleStatus() (PoleStatus, error) {
	return s.screen.pole.current(s.c.prefs.Devices().Screen.Pole.Port), nil
}
