package printer

import (
	"context"
	"net"
	"os"
	"strings"
	"time"
)

// Transport delivers ready ESC/POS bytes to a printer. doc names the job in spooler queues.
type Transport interface {
	Send(ctx context.Context, doc string, data []byte) error
}

// DefaultTCPPort is the raw (JetDirect) port of network receipt printers.
const DefaultTCPPort = "9100"

// TCP sends to a network printer's raw port.
type TCP struct {
	Addr    string        // host:port
	Timeout time.Duration // dial + write limit; default 10 s
}

// Send connects, writes all bytes and closes.
func (t TCP) Send(ctx context.Context, _ string, data []byte) error {
	timeout := t.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var dialer net.Dialer
	conn, err := dialer.DialContext(ctx, "tcp", t.Addr)
	if err != nil {
		return unreachable(t.Addr, err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetWriteDeadline(dl)
	}
	if _, err := conn.Write(data); err != nil {
		return unreachable(t.Addr, err)
	}
	return nil
}

// File appends the bytes to a file (a printer device such as \\.\LPT1 or /dev/usb/lp0, or a
// plain file for checks).
type File struct{ Path string }

// Send appends data to the file, creating it if needed.
func (f File) Send(_ context.Context, _ string, data []byte) error {
	fh, err := os.OpenFile(f.Path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return unreachable(f.Path, err)
	}
	_, err = fh.Write(data)
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return unreachable(f.Path, err)
	}
	return nil
}

// Queue prints through the system spooler as a RAW job: the Windows spooler on Windows,
// CUPS (`lp -o raw`) elsewhere. Name is a name from Printers.
type Queue struct{ Name string }

// Send submits one raw job.
func (q Queue) Send(ctx context.Context, doc string, data []byte) error {
	return sendToQueue(ctx, q.Name, doc, data)
}

// ParseTarget turns the configured printer into a transport:
//
//	tcp://192.168.1.50[:9100]   network printer, raw port (default 9100)
//	file:///dev/usb/lp0          file or device, bytes appended
//	anything else                a system queue name (as listed by Printers)
func ParseTarget(target string) (Transport, error) {
	target = strings.TrimSpace(target)
	switch {
	case target == "":
		return nil, fieldError(CodePrinterRequired, "请选择小票打印机")
	case strings.HasPrefix(target, "tcp://"):
		host := strings.TrimPrefix(target, "tcp://")
		if _, _, err := net.SplitHostPort(host); err != nil {
			host = net.JoinHostPort(strings.Trim(host, "[]"), DefaultTCPPort)
		}
		if h, _, _ := net.SplitHostPort(host); h == "" {
			return nil, fieldError(CodeBadAddress, "网络打印机地址不对："+target).With("address", target)
		}
		return TCP{Addr: host}, nil
	case strings.HasPrefix(target, "file://"):
		path := strings.TrimPrefix(target, "file://")
		if path == "" {
			return nil, fieldError(CodeEmptyPath, "文件路径为空")
		}
		return File{Path: path}, nil
	}
	return Queue{Name: target}, nil
}
