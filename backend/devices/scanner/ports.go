package scanner

import (
	"slices"

	"go.bug.st/serial"
	"go.bug.st/serial/enumerator"
)

// PortInfo is one serial port the system reports. Product is the USB description when known
// (e.g. "USB-SERIAL CH340"), to help the shop pick the box among several ports.
type PortInfo struct {
	Name    string `json:"name"`
	Product string `json:"product,omitempty"`
	USB     bool   `json:"usb"`
}

// Ports lists the serial ports the system knows, sorted by name: the ports the device manager
// describes (with their USB product) and every other port the system's port list names (on
// Windows, HARDWARE\DEVICEMAP\SERIALCOMM also holds virtual ports that the device manager,
// and Wine, do not describe). Pseudo-terminals and other device paths are never listed: a
// path typed by hand is still accepted as is by Settings.Port. If typed is non-empty and not
// among the listed ports, it is appended so the screen can keep showing the configured value.
func Ports(typed string) ([]PortInfo, error) {
	var out []PortInfo
	detailed, err := enumerator.GetDetailedPortsList()
	for _, p := range detailed {
		out = append(out, PortInfo{Name: p.Name, Product: p.Product, USB: p.IsUSB})
	}
	names, err2 := serial.GetPortsList()
	if err != nil && err2 != nil {
		return portsWithTyped(nil, typed), err2
	}
	for _, n := range names {
		if !slices.ContainsFunc(out, func(p PortInfo) bool { return p.Name == n }) {
			out = append(out, PortInfo{Name: n})
		}
	}
	slices.SortFunc(out, func(a, b PortInfo) int { return compareNames(a.Name, b.Name) })
	return portsWithTyped(out, typed), nil
}

func portsWithTyped(ports []PortInfo, typed string) []PortInfo {
	if typed == "" || slices.ContainsFunc(ports, func(p PortInfo) bool { return p.Name == typed }) {
		return ports
	}
	return append(ports, PortInfo{Name: typed})
}

// compareNames orders COM2 before COM10: shorter names first, then bytes.
func compareNames(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
