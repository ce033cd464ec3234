// Package variant says which build of the app binary this is, from its build tags: the real
// app, or the binary `wails generate module` builds only to write frontend/wailsjs (tag
// bindings). main asks it instead of carrying build-tag shims at the top level.
package variant
