package scanner

import (
	"errors"
	"fmt"
	"io/fs"

	"go.bug.st/serial"
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

// Status is a snapshot of the connection, with a Chinese message for the screen.
type Status struct {
	State   State  `json:"state"`
	Port    string `json:"port"`
	Message string `json:"message"`
}

func statusMessage(st State, port string) string {
	switch st {
	case StateConnecting:
		return fmt.Sprintf("正在连接扫码盒子（%s）…", port)
	case StateConnected:
		return fmt.Sprintf("扫码盒子已连接（%s）", port)
	case StateDisconnected:
		return fmt.Sprintf("扫码盒子已断开（%s），正在重新连接…", port)
	case StateClosed:
		return "扫码盒子已关闭"
	}
	return ""
}

// openErrorMessage turns a serial open error into Chinese text for the screen; the raw
// error goes to the log only.
func openErrorMessage(port string, err error) string {
	var pe *serial.PortError
	if errors.As(err, &pe) {
		switch pe.Code() {
		case serial.PortBusy:
			return fmt.Sprintf("串口 %s 被其他程序占用，请关闭占用它的程序", port)
		case serial.PortNotFound:
			return notFound(port)
		case serial.PermissionDenied:
			return fmt.Sprintf("没有权限打开串口 %s", port)
		case serial.InvalidSerialPort:
			return fmt.Sprintf("%s 不是可用的串口，请检查端口号", port)
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return notFound(port)
	}
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Sprintf("没有权限打开串口 %s", port)
	}
	return fmt.Sprintf("无法打开串口 %s，请检查盒子连接和端口号", port)
}

func notFound(port string) string {
	return fmt.Sprintf("找不到串口 %s，请检查盒子是否插好、端口号是否正确", port)
}
