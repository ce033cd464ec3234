package scanner

import (
	"fmt"

	"go.bug.st/serial"

	"xiaotongfu/backend/domain"
)

// Probe opens the port of s with its settings and closes it again: the self-test that the
// box's port opens. A port that does not open gives a *domain.Error with the code of why
// (box_port_not_found, box_port_busy, …) and the port as {port}, wrapping the system's error,
// which only the error's text (the log, the diagnostics zip) shows. Invalid settings give
// Validate's error.
func Probe(s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	p, err := serial.Open(s.Port, s.mode())
	if err != nil {
		st := newStatus(StateError, s.Port, openErrorCode(err))
		return fmt.Errorf("%w (%w)", domain.Errorf(st.Code, "%s", st.Message).With("port", s.Port), err)
	}
	return p.Close()
}
