package desktop

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// fileAllAccess is FILE_ALL_ACCESS, what the SDDL right FA stands for.
const fileAllAccess = windows.STANDARD_RIGHTS_REQUIRED | windows.SYNCHRONIZE | 0x1FF

// checkPrivate fails unless every entry of path's DACL allows the current user or SYSTEM, and
// the current user has full access. On Windows an unprotected DACL would also hold the entries
// inherited from the folder (Users, Administrators); under Wine, which keeps no ACL and derives
// one from the Unix mode, a file left as created would hold Everyone:read. (The
// SE_DACL_PROTECTED flag itself is not checked: Wine never reports it.)
func checkPrivate(t *testing.T, path string) {
	t.Helper()
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		t.Fatalf("config file ACL: %v", err)
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		t.Fatalf("config file has no DACL (%v): everyone may read it", err)
	}
	me, err := currentUserSID()
	if err != nil {
		t.Fatal(err)
	}
	system, err := windows.CreateWellKnownSid(windows.WinLocalSystemSid)
	if err != nil {
		t.Fatal(err)
	}
	mine := false
	for i := range uint32(dacl.AceCount) {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, i, &ace); err != nil {
			t.Fatal(err)
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || !sid.Equals(me) && !sid.Equals(system) {
			t.Fatalf("config file DACL %s lets others than %s and SYSTEM in", sd, me)
		}
		mine = mine || sid.Equals(me) && ace.Mask == fileAllAccess
	}
	if !mine {
		t.Fatalf("config file DACL %s: no full access for %s", sd, me)
	}
}
