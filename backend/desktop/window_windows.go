package desktop

// pollMinimised: on Windows, Wails answers WindowIsMinimised with IsIconic, which any thread
// may call, so a window minimised from the taskbar becomes the floating bubble.
const pollMinimised = true
