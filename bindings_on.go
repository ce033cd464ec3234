//go:build bindings

package main

// generatingBindings is true in the binary `wails generate module` builds and runs only to
// write frontend/wailsjs: it must not open the data folder, the database or the simulator.
const generatingBindings = true
