//go:build bindings

package variant

// GeneratingBindings is true in the binary `wails generate module` builds and runs only to
// write frontend/wailsjs: it must not open the data folder, the database or the simulator.
const GeneratingBindings = true
