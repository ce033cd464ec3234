package desktop

import "golang.org/x/sys/windows/registry"

// systemMachineID is Windows' MachineGuid (set at installation of Windows), "" when it cannot
// be read.
func systemMachineID() string {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Cryptography`, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return ""
	}
	defer k.Close()
	v, _, err := k.GetStringValue("MachineGuid")
	if err != nil {
		return ""
	}
	return v
}
