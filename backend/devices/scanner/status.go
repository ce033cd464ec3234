package scanner

import (
	"errors"
	"fmt"
	"io/fs"

	"go.bug.st/serial"

	"xiaotongfu/backend/domain"
)

// State is where the box connection stands.
type State string

// Box states, as sent in the box:status event.
const (
	StateConnecting   State = "connecting"   // opening the port for the first time
	StateConnected    State = "connected"    // the port is open and read
	StateDisconnected State = "disconnected" // the port went away; reconnecting with backoff
	StateError        State = "error"        // the port cannot be opened; retrying with backoff
	StateClosed       State = "closed"       // Close was called
)

// Status codes, for the UI to translate with the port as parameter {port}; an open error
// names only what is wrong, never the system's text (that goes to the log).
const (
	CodeConnecting    domain.Code = "box_connecting"     // opening the port
	CodeConnected     domain.Code = "box_connected"      // the port is open and read
	CodeDisconnected  domain.Code = "box_disconnected"   // the port went away; reconnecting
	CodeClosed        domain.Code = "box_closed"         // Close was called
	CodePortBusy      domain.Code = "box_port_busy"      // another program holds the port
	CodePortNotFound  domain.Code = "box_port_not_found" // no such port
	CodePortDenied    domain.Code = "box_port_denied"    // no permission to open it
	CodePortInvalid   domain.Code = "box_port_invalid"   // the name is not a serial port
	CodePortOpenError domain.Code = "box_port_failed"    // any other open error
)

// Status is a snapshot of the connection: its state and the code (with the port as its
// parameter) that the screen translates. Message is the Chinese text of the code, for the log.
type Status struct {
	State   State       `json:"state"`
	Port    string      `json:"port"`
	Code    domain.Code `json:"code"`
	Message string      `json:"message"`
}

// Params are the parameters of the status code's text.
func (s Status) Params() map[string]any { return map[string]any{"port": s.Port} }

// messages are the Chinese texts of the codes, for the log; %s is the port.
var messages = map[domain.Code]string{
	CodeConnecting:    "正在连接扫码盒子（%s）…",
	CodeConnected:     "扫码盒子已连接（%s）",
	CodeDisconnected:  "扫码盒子已断开（%s），正在重新连接…",
	CodeClosed:        "扫码盒子已关闭（%s）",
	CodePortBusy:      "串口 %s 被其他程序占用，请关闭占用它的程序",
	CodePortNotFound:  "找不到串口 %s，请检查盒子是否插好、端口号是否正确",
	CodePortDenied:    "没有权限打开串口 %s",
	CodePortInvalid:   "%s 不是可用的串口，请检查端口号",
	CodePortOpenError: "无法打开串口 %s，请检查盒子连接和端口号",
}

// newStatus is the status of port in state st with code c.
func newStatus(st State, port string, c domain.Code) Status {
	return Status{State: st, Port: port, Code: c, Message: fmt.Sprintf(messages[c], port)}
}

// openErrorCode names what a serial open error means; the raw error goes to the log only.
func openErrorCode(err error) domain.Code {
	var pe *serial.PortError
	if errors.As(err, &pe) {
		switch pe.Code() {
		case serial.PortBusy:
			return CodePortBusy
		case serial.PortNotFound:
			return CodePortNotFound
		case serial.PermissionDenied:
			return CodePortDenied
		case serial.InvalidSerialPort:
			return CodePortInvalid
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return CodePortNotFound
	case errors.Is(err, fs.ErrPermission):
		return CodePortDenied
	}
	return CodePortOpenError
}
