package desktop

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// makePrivate replaces the file's DACL with a protected one (nothing inherited from the data
// folder) that grants full access to the current user and to SYSTEM only, since the config
// holds the terminal token. Windows has no permission bits: os.Chmod only toggles the
// read-only attribute, and the file would otherwise inherit the folder's entries.
func makePrivate(f *os.File) error {
	sid, err := currentUserSID()
	if err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString("D:P(A;;FA;;;" + sid.String() + ")(A;;FA;;;SY)")
	if err != nil {
		return fmt.Errorf("config file ACL: %w", err)
	}
	// A handle of its own: os.CreateTemp's has no WRITE_DAC access. (SetNamedSecurityInfo
	// would open one too, but Wine 8 ignores it for files and answers success.)
	name, err := windows.UTF16PtrFromString(f.Name())
	if err != nil {
		return err
	}
	h, err := windows.CreateFile(name, windows.WRITE_DAC,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return fmt.Errorf("config file ACL: %w", err)
	}
	defer windows.CloseHandle(h)
	err = windows.SetKernelObjectSecurity(h, windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, sd)
	if err != nil {
		return fmt.Errorf("config file ACL: %w", err)
	}
	return nil
}

// currentUserSID is the SID of the user this process runs as.
func currentUserSID() (*windows.SID, error) {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("current user: %w", err)
	}
	return user.User.Sid, nil
}
