//go:build windows

package screen

import (
	"errors"
	"fmt"
	"image"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// A minimal UI Automation client through raw COM vtable calls (no extra module). Slot numbers
// follow UIAutomationClient.h: IUIAutomation::ElementFromPoint is slot 7 and
// IUIAutomationElement::GetCurrentPropertyValue slot 10 (after IUnknown's three).
var (
	ole32                = windows.NewLazySystemDLL("ole32.dll")
	oleaut32             = windows.NewLazySystemDLL("oleaut32.dll")
	procCoInitializeEx   = ole32.NewProc("CoInitializeEx")
	procCoUninitialize   = ole32.NewProc("CoUninitialize")
	procCoCreateInstance = ole32.NewProc("CoCreateInstance")
	procVariantClear     = oleaut32.NewProc("VariantClear")
	clsidCUIAutomation   = windows.GUID{Data1: 0xFF48DBA4, Data2: 0x60EF, Data3: 0x4201, Data4: [8]byte{0xAA, 0x87, 0x54, 0x10, 0x3E, 0xEF, 0x59, 0x4E}}
	iidIUIAutomation     = windows.GUID{Data1: 0x30CBE57D, Data2: 0xD9D0, Data3: 0x452A, Data4: [8]byte{0xAB, 0x13, 0x7A, 0xC5, 0xAC, 0x48, 0x25, 0xEE}}
	errUIAEmpty          = errors.New("UI Automation: no value")
)

const (
	coinitApartmentThreaded = 0x2
	clsctxInprocServer      = 0x1
	slotRelease             = 2
	slotElementFromPoint    = 7
	slotGetCurrentPropValue = 10
	uiaValueValueProperty   = 30045
	uiaNameProperty         = 30005
	vtBSTR                  = 8
)

// variant is the 24-byte VARIANT of 64-bit Windows.
type variant struct {
	vt  uint16
	_   [3]uint16
	val *uint16 // the BSTR, when vt is VT_BSTR
	_   uintptr
}

// comObject is the start of any COM object: a pointer to its method table.
type comObject struct{ vtbl *[64]uintptr }

// comCall calls method slot of obj.
func comCall(obj *comObject, slot int, args ...uintptr) uintptr {
	r, _, _ := syscall.SyscallN(obj.vtbl[slot], append([]uintptr{uintptr(unsafe.Pointer(obj))}, args...)...)
	return r
}

// uiaText asks UI Automation for the element at pt and returns its Value, or its Name when it
// has no value (static text drawn by the framework).
func uiaText(pt image.Point) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if hr, _, _ := procCoInitializeEx.Call(0, coinitApartmentThreaded); int32(hr) < 0 {
		return "", fmt.Errorf("CoInitializeEx: %#x", uint32(hr))
	}
	defer procCoUninitialize.Call()
	var uia *comObject
	hr, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidCUIAutomation)), 0, clsctxInprocServer,
		uintptr(unsafe.Pointer(&iidIUIAutomation)), uintptr(unsafe.Pointer(&uia)))
	if int32(hr) < 0 || uia == nil {
		return "", fmt.Errorf("CoCreateInstance(CUIAutomation): %#x", uint32(hr))
	}
	defer comCall(uia, slotRelease)
	var elem *comObject
	if hr := comCall(uia, slotElementFromPoint, packPoint(pt), uintptr(unsafe.Pointer(&elem))); int32(hr) < 0 || elem == nil {
		return "", fmt.Errorf("ElementFromPoint: %#x", uint32(hr))
	}
	defer comCall(elem, slotRelease)
	for _, prop := range []uintptr{uiaValueValueProperty, uiaNameProperty} {
		if text, err := stringProperty(elem, prop); err == nil && text != "" {
			return text, nil
		}
	}
	return "", errUIAEmpty
}

func stringProperty(elem *comObject, prop uintptr) (string, error) {
	var v variant
	if hr := comCall(elem, slotGetCurrentPropValue, prop, uintptr(unsafe.Pointer(&v))); int32(hr) < 0 {
		return "", fmt.Errorf("GetCurrentPropertyValue: %#x", uint32(hr))
	}
	defer procVariantClear.Call(uintptr(unsafe.Pointer(&v)))
	if v.vt != vtBSTR || v.val == nil {
		return "", errUIAEmpty
	}
	n := *(*uint32)(unsafe.Add(unsafe.Pointer(v.val), -4)) / 2 // a BSTR's byte length precedes it
	return windows.UTF16ToString(unsafe.Slice(v.val, n)), nil
}
