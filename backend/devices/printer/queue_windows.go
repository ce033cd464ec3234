package printer

import (
	"context"

	"github.com/alexbrainman/printer"
)

// sendToQueue writes one RAW document through the Windows spooler (winspool, no driver
// rendering). The spooler calls do not take a context.
func sendToQueue(_ context.Context, name, doc string, data []byte) error {
	p, err := printer.Open(name)
	if err != nil {
		return failed(CodePrinterNotFound, name, "找不到打印机 %s", err)
	}
	defer p.Close()
	if err := p.StartRawDocument(doc); err != nil {
		return unreachable(name, err)
	}
	defer p.EndDocument()
	if err := p.StartPage(); err != nil {
		return unreachable(name, err)
	}
	if _, err := p.Write(data); err != nil {
		return unreachable(name, err)
	}
	if err := p.EndPage(); err != nil {
		return unreachable(name, err)
	}
	return nil
}

// Printers lists the spooler's printer names.
func Printers(context.Context) ([]string, error) {
	names, err := printer.ReadNames()
	if err != nil {
		return nil, failed(CodeListFailed, "", "无法读取打印机列表", err)
	}
	return names, nil
}
