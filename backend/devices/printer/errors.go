package printer

import (
	"fmt"

	"xiaotongfu/backend/domain"
)

// Error codes of printing, for the UI to translate with the parameters named in each comment.
// The system's own error text is never one of them: it stays behind, for the log only.
const (
	CodePrinterUnreachable domain.Code = "printer_unreachable" // cannot connect / open / write: {printer}
	CodePrinterNotFound    domain.Code = "printer_not_found"   // the spooler has no such queue: {printer}
	CodeNoSpooler          domain.Code = "printer_no_spooler"  // this computer has no printing system
	CodeListFailed         domain.Code = "printer_list_failed" // the spooler's printer list cannot be read
	CodePrinterRequired    domain.Code = "printer_required"    // no printer chosen (field printer)
	CodeBadAddress         domain.Code = "printer_address"     // a tcp:// target without a host: {address} (field printer)
	CodeEmptyPath          domain.Code = "printer_path_empty"  // a file:// target without a path (field printer)
)

// fault is a printing error: what the UI is told (a *domain.Error: code and parameters) and
// the system's error behind it, which only its Error text (the log) shows.
type fault struct {
	shown *domain.Error
	cause error
}

func (f *fault) Error() string { return f.shown.Error() + " (" + f.cause.Error() + ")" }

// Unwrap gives errors.As the *domain.Error and errors.Is the system's error.
func (f *fault) Unwrap() []error { return []error{f.shown, f.cause} }

// failed is the error of code about printer p, caused by the system's error cause (nil when
// there is none); format is the Chinese message, with p as its only argument when it has one.
func failed(code domain.Code, p, format string, cause error) error {
	e := &domain.Error{Code: code, Message: format}
	if p != "" {
		e = e.With("printer", p)
		e.Message = fmt.Sprintf(format, p)
	}
	if cause == nil {
		return e
	}
	return &fault{shown: e, cause: cause}
}

func unreachable(where string, err error) error {
	return failed(CodePrinterUnreachable, where, "无法连接打印机 %s，请检查打印机电源、连线和纸张", err)
}

// fieldError is a wrong printer setting, about the field printer.
func fieldError(code domain.Code, message string) *domain.Error {
	return &domain.Error{Code: code, Field: "printer", Message: message}
}
