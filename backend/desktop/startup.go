package desktop

import (
	"errors"
	"fmt"
)

// StartupError is a failure that keeps the app from starting at all (the data folder or its
// log cannot be opened), so there is no window to show it in.
type StartupError struct {
	Dir string // the data folder ("" when not even its path is known)
	Err error
}

// Error describes the failure with the data folder.
func (e *StartupError) Error() string { return fmt.Sprintf("data folder %q: %v", e.Dir, e.Err) }

// Unwrap returns the underlying error.
func (e *StartupError) Unwrap() error { return e.Err }

// StartupTitle is the caption of the start-up failure message.
const StartupTitle = "小通付无法启动"

// StartupMessage is the Chinese text telling the user why the app cannot start and which
// data folder to check.
func StartupMessage(err error) string {
	var se *StartupError
	if !errors.As(err, &se) {
		return fmt.Sprintf("小通付无法启动。\n\n原因：%v\n\n请重新启动小通付；如果问题依旧，请联系服务商。", err)
	}
	dir := se.Dir
	if dir == "" {
		dir = "（无法确定用户配置文件夹）"
	}
	return fmt.Sprintf("小通付无法启动：数据文件夹无法打开。\n\n数据文件夹：%s\n原因：%v\n\n"+
		"请确认该文件夹存在、磁盘未满、当前 Windows 用户可以写入，然后重新启动小通付。", dir, se.Err)
}

// ReportStartupFailure tells the user that the app cannot start: a native error dialog on
// Windows (a GUI app has no console), the standard error stream elsewhere.
func ReportStartupFailure(err error) { showStartupFailure(StartupTitle, StartupMessage(err)) }
