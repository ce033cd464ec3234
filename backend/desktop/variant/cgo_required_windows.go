//go:build windows && !cgo && (production || dev)

package variant

// A Windows build of the app without cgo would link go-sqlite3's no-cgo stub, which compiles
// but fails every database open at run time. Refuse to compile instead: build with
// `make windows` (CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc, see README). Plain
// `GOOS=windows go vet ./...` (no production/dev tag) is not affected.
var _ = windowsBuildNeedsCgo_RunMakeWindows_CGO_ENABLED1_CC_x86_64_w64_mingw32_gcc
