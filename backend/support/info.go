package support

import (
	"encoding/json"
	"fmt"
	"runtime"
)

// Info is what 设置 → 关于 shows and what about.json in the zip holds.
type Info struct {
	Version    string `json:"version"`
	OS         string `json:"os"` // GOOS/GOARCH of this build
	DataDir    string `json:"dataDir"`
	LogFile    string `json:"logFile"`
	Mode       string `json:"mode"`                // embedded or remote
	ServerURL  string `json:"serverUrl,omitempty"` // remote: the xtfd address
	MerchantNo string `json:"merchantNo"`          // "" before initialisation
	TerminalNo string `json:"terminalNo"`          // "" before initialisation
	StoreName  string `json:"storeName"`
	// Autostart: 小通付 starts with Windows; AutostartSupported is false on other systems.
	Autostart          bool `json:"autostart"`
	AutostartSupported bool `json:"autostartSupported"`
}

// Platform is this build's GOOS/GOARCH.
func Platform() string { return runtime.GOOS + "/" + runtime.GOARCH }

// VersionOf reads info.productVersion from wails.json, the one place the version is kept.
func VersionOf(wailsJSON []byte) (string, error) {
	var w struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	if err := json.Unmarshal(wailsJSON, &w); err != nil {
		return "", fmt.Errorf("wails.json: %w", err)
	}
	if w.Info.ProductVersion == "" {
		return "", fmt.Errorf("wails.json has no info.productVersion")
	}
	return w.Info.ProductVersion, nil
}
