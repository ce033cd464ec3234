//go:build !bindings

package variant

// GeneratingBindings is false in every real build (see bindings_on.go).
const GeneratingBindings = false
