// Package wailsrt is the one adapter onto the Wails runtime: the event emitter, the native
// save dialog and the window calls. Everything else depends on the small interfaces these
// types implement (events.Emitter, services.SaveDialog, the window modes' Runtime), so no
// other package imports Wails' runtime or reads Wails' context values.
package wailsrt
