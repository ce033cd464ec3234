//go:build production || dev

package main

import "embed"

// assets is the built frontend, embedded only in real Wails builds.
//
//go:embed all:frontend/dist
var assets embed.FS
