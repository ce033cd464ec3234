//go:build windows

package export

import (
	"os"
	"path/filepath"
)

// systemFontPaths are the Chinese fonts every Chinese Windows has (微软雅黑, 黑体, 宋体), used
// for characters missing from the embedded subset.
func systemFontPaths() []string {
	dir := os.Getenv("WINDIR")
	if dir == "" {
		dir = `C:\Windows`
	}
	fonts := filepath.Join(dir, "Fonts")
	var out []string
	for _, name := range []string{"msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc"} {
		out = append(out, filepath.Join(fonts, name))
	}
	return out
}
