//go:build linux

package tray

import (
	"bytes"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// The library is a process-wide singleton, so each scenario runs in its own child process of
// this test binary, on a private session bus made by dbus-run-session (never the desktop's).
const childEnv = "XTF_TRAY_CHILD"

func runChild(t *testing.T, scenario string, extraEnv ...string) {
	t.Helper()
	drs, err := exec.LookPath("dbus-run-session")
	if err != nil {
		t.Skip("dbus-run-session not installed (apt-get install dbus-daemon): tray not tested")
	}
	args := []string{"--", os.Args[0], "-test.run=^TestChild$", "-test.v"}
	if len(extraEnv) > 0 { // the scenario sets its own bus address: no private bus
		drs, args = args[1], args[2:]
	}
	cmd := exec.Command(drs, args...)
	cmd.Env = append(append(os.Environ(), childEnv+"="+scenario), extraEnv...)
	done := make(chan struct{})
	var out []byte
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("child %s hung:\n%s", scenario, out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: TestChild") {
		t.Fatalf("child %s failed: %v\n%s", scenario, err, out)
	}
}

func TestTrayMenuOverDBus(t *testing.T)   { runChild(t, "watcher") }
func TestTrayWithoutWatcher(t *testing.T) { runChild(t, "nowatcher") }
func TestTrayWithoutSessionBus(t *testing.T) {
	runChild(t, "nobus", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/xtf-bus")
}

// TestTrayStopAtOnce stops a tray whose start-up has not finished, without a session bus.
func TestTrayStopAtOnce(t *testing.T) {
	runChild(t, "stopearly", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/xtf-bus")
}

func TestTrayStopNil(t *testing.T) {
	var tr *Tray
	tr.Stop()
	if tr.Available() {
		t.Fatal("a nil tray is available")
	}
}

// TestChild is the body of a scenario; it does nothing unless run by runChild.
func TestChild(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "":
		t.Skip("runs only as a child of the TestTray* tests")
	case "watcher":
		childWatcher(t)
	case "nowatcher":
		childNoTray(t, true)
	case "nobus":
		childNoTray(t, false)
	case "stopearly":
		tr := Start(Options{}, Menu{})
		tr.Stop()
		tr.Stop()
	}
}

type fakeWatcher struct{ items chan string }

func (w *fakeWatcher) RegisterStatusNotifierItem(sender dbus.Sender, _ string) *dbus.Error {
	w.items <- string(sender)
	return nil
}

type clicks struct {
	mu  sync.Mutex
	got []string
}

func (c *clicks) add(s string) func() {
	return func() { c.mu.Lock(); c.got = append(c.got, s); c.mu.Unlock() }
}

func (c *clicks) list() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.got, ",")
}

func childWatcher(t *testing.T) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	w := &fakeWatcher{items: make(chan string, 4)}
	if err := conn.Export(w, "/StatusNotifierWatcher", watcherName); err != nil {
		t.Fatal(err)
	}
	if r, err := conn.RequestName(watcherName, dbus.NameFlagDoNotQueue); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("claim watcher: %v %v", r, err)
	}
	var c clicks
	tr := Start(Options{Tooltip: "小通付 测试"}, Menu{OnShow: c.add("show"), OnQuickPay: c.add("quick"), OnQuit: c.add("quit")})
	if Start(Options{}, Menu{}) != nil {
		t.Fatal("a second Start returned another tray")
	}
	var sender string
	select {
	case sender = <-w.items:
	case <-time.After(time.Minute):
		t.Fatal("the tray never registered with the watcher")
	}
	<-tr.ready
	ids := map[string]int32{LabelShow: 1, LabelQuickPay: 2, LabelQuit: 4} // as the library numbers them
	if !raceEnabled {
		ids = menuIDs(t, conn, sender)
	} else {
		t.Log("-race: GetLayout not called (the library races with itself there); clicking the known ids")
	}
	for _, label := range []string{LabelShow, LabelQuickPay, LabelQuit} {
		if err := conn.Object(sender, "/StatusNotifierItem/menu").Call("com.canonical.dbusmenu.Event", 0,
			ids[label], "clicked", dbus.MakeVariant(""), uint32(0)).Err; err != nil {
			t.Fatalf("click %s: %v", label, err)
		}
	}
	deadline := time.Now().Add(time.Minute)
	for c.list() != "show,quick,quit" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := c.list(); got != "show,quick,quit" {
		t.Fatalf("callbacks %q", got)
	}
	t.Logf("registered by %s, menu %v, callbacks %s", sender, ids, c.list())
	if !tr.Available() {
		t.Fatal("Available() false with a watcher present")
	}
	tr.Stop()
	tr.Stop()
}

// menuIDs reads the exported menu and maps labels to item ids.
func menuIDs(t *testing.T, conn *dbus.Conn, sender string) map[string]int32 {
	t.Helper()
	var rev uint32
	var layout struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	err := conn.Object(sender, "/StatusNotifierItem/menu").Call("com.canonical.dbusmenu.GetLayout", 0,
		int32(0), int32(-1), []string{}).Store(&rev, &layout)
	if err != nil {
		t.Fatalf("GetLayout: %v", err)
	}
	ids := map[string]int32{}
	for _, ch := range layout.Children {
		item, ok := ch.Value().([]any)
		if !ok || len(item) < 2 {
			continue
		}
		props, _ := item[1].(map[string]dbus.Variant)
		if label, ok := props["label"].Value().(string); ok {
			ids[label] = item[0].(int32)
		}
	}
	for _, label := range []string{LabelShow, LabelQuickPay, LabelQuit} {
		if _, ok := ids[label]; !ok {
			t.Fatalf("menu lacks %q: %v", label, ids)
		}
	}
	return ids
}

// childNoTray starts a tray without a tray host; onBus says whether a session bus exists (the
// library then publishes its item, and Stop must take it off the bus). Stop must not reach
// the library's nil connection close: under WebKit that is a fatal SIGSEGV, so it may not
// even be recovered from.
func childNoTray(t *testing.T, onBus bool) {
	var logs bytes.Buffer
	var mu sync.Mutex
	lw := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return logs.Write(p) })
	tr := Start(Options{Logger: slog.New(slog.NewTextHandler(lw, nil))}, Menu{})
	deadline := time.Now().Add(time.Minute)
	for {
		mu.Lock()
		s := logs.String()
		mu.Unlock()
		if strings.Contains(s, "系统托盘不可用") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no log line about the missing tray host; log:\n%s", s)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if tr.Available() {
		t.Fatal("Available() true without a tray host")
	}
	tr.Stop()
	tr.Stop()
	mu.Lock()
	s := logs.String()
	mu.Unlock()
	if strings.Contains(s, "出错") || strings.Contains(s, "level=ERROR") {
		t.Fatalf("Stop went wrong:\n%s", s)
	}
	if onBus {
		conn, err := dbus.ConnectSessionBus()
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var has bool
		if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, itemName()).Store(&has); err != nil || has {
			t.Fatalf("the icon's name %s is still on the bus after Stop (has=%v err=%v)", itemName(), has, err)
		}
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
