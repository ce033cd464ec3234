package desktop

import "github.com/wailsapp/wails/v2/pkg/options/windows"

// WindowsOptions are Wails' Windows options for the main window: its WebView2 messages in
// Chinese, as a shop PC without the runtime meets them before any page of the app can load.
func WindowsOptions() *windows.Options {
	return &windows.Options{Messages: &windows.Messages{
		InstallationRequired: "小通付需要 Microsoft Edge WebView2 运行时。按“确定”下载并安装（后台安装，请稍候）。",
		UpdateRequired:       "小通付需要更新 Microsoft Edge WebView2 运行时。按“确定”下载并安装（后台安装，请稍候）。",
		MissingRequirements:  "小通付缺少运行组件",
		Webview2NotInstalled: "未安装 WebView2 运行时",
		Error:                "错误",
		FailedToInstall:      "WebView2 运行时没有装好，请重试。",
		DownloadPage:         "小通付需要 WebView2 运行时。按“确定”打开下载页面。最低版本：",
		PressOKToInstall:     "按“确定”安装。",
		ContactAdmin:         "小通付需要 WebView2 运行时，请联系电脑管理员安装。",
		InvalidFixedWebview2: "指定的 WebView2 运行时无效，请检查版本和路径。",
		WebView2ProcessCrash: "WebView2 进程崩溃，请重新启动小通付。",
	}}
}
