//go:build !production && !dev

package main

import "embed"

// assets is empty in plain go build/vet/test: such a binary cannot open a window anyway
// (Wails refuses to run without the production or dev tag), and a fresh clone has no dist.
var assets embed.FS
