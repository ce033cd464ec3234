// Package support gathers what a technician needs when a shop calls: the facts 设置 → 关于
// shows (version, data folder, platform mode, terminal), a self-test of the devices, and the
// 诊断信息 zip (the log with payment codes masked once more, the config without secrets, the
// device settings and the self-test). It knows nothing of Wails or of the devices themselves:
// the caller hands it the facts and the checks.
package support
