//go:build !windows

package desktop

import (
	"os"
	"strings"
)

// systemMachineID is the system's machine id (systemd's /etc/machine-id, or D-Bus's), "" when
// there is none.
func systemMachineID() string {
	for _, p := range []string{"/etc/machine-id", "/var/lib/dbus/machine-id"} {
		if b, err := os.ReadFile(p); err == nil && strings.TrimSpace(string(b)) != "" {
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}
