//go:build linux

package printer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// startCUPS runs a private cupsd on a Unix socket in a temp dir (the system's /etc/cups is
// not touched) and points lp/lpstat at it through CUPS_SERVER.
func startCUPS(t *testing.T) {
	t.Helper()
	cupsd, err := exec.LookPath("cupsd")
	if err != nil {
		t.Skip("cupsd not installed (apt-get install cups-daemon cups-client): CUPS raw queue not tested")
	}
	for _, tool := range []string{"lp", "lpstat", "lpadmin"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install cups-client): CUPS raw queue not tested", tool)
		}
	}
	c := t.TempDir()
	for _, d := range []string{"etc/ppd", "spool/tmp", "tmp", "cache", "state", "log"} {
		if err := os.MkdirAll(filepath.Join(c, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for d := c; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
		_ = os.Chmod(d, 0o755) // the backend runs as lp and reads the spooled job
	}
	files := fmt.Sprintf("FileDevice Yes\nServerRoot %[1]s/etc\nRequestRoot %[1]s/spool\nTempDir %[1]s/tmp\n"+
		"CacheDir %[1]s/cache\nStateDir %[1]s/state\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"+
		"AccessLog %[1]s/log/access_log\nErrorLog %[1]s/log/error_log\nPageLog %[1]s/log/page_log\n", c)
	conf := fmt.Sprintf("Listen %s/cups.sock\nLogLevel debug\nBrowsing No\n"+
		"<Location />\nOrder allow,deny\nAllow all\n</Location>\n<Location /admin>\nOrder allow,deny\nAllow all\n</Location>\n", c)
	write(t, filepath.Join(c, "etc/cups-files.conf"), files)
	write(t, filepath.Join(c, "etc/cupsd.conf"), conf)
	cmd := exec.Command(cupsd, "-f", "-c", filepath.Join(c, "etc/cupsd.conf"), "-s", filepath.Join(c, "etc/cups-files.conf"))
	if err := cmd.Start(); err != nil {
		t.Fatalf("cupsd: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(c, "log/error_log"))
			t.Logf("cupsd error_log (tail):\n%s", tail(string(log), 3000))
		}
	})
	t.Setenv("CUPS_SERVER", filepath.Join(c, "cups.sock"))
	for i := 0; ; i++ {
		out, _ := exec.Command("lpstat", "-r").CombinedOutput()
		if strings.Contains(string(out), "scheduler is running") {
			return
		}
		if i == 100 {
			t.Fatalf("private cupsd did not start: %s", out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func TestPrintThroughCUPSRawQueue(t *testing.T) {
	startCUPS(t)
	addr, got := listen(t)
	if out, err := exec.Command("lpadmin", "-p", "receipt58", "-E", "-v", "socket://"+addr, "-m", "raw").CombinedOutput(); err != nil {
		t.Fatalf("lpadmin: %v %s", err, out)
	}
	names, err := Printers(context.Background())
	if err != nil || !slices.Contains(names, "receipt58") {
		t.Fatalf("Printers = %q, %v", names, err)
	}
	s := Settings{Enabled: true, Printer: "receipt58", Paper: Paper58, Copies: 1}
	if err := Print(context.Background(), s, sampleReceipt()); err != nil {
		t.Fatal(err)
	}
	want, _ := Render(sampleReceipt(), Paper58, 1, QRCommand)
	select {
	case b := <-got:
		if !bytes.Equal(b, want) {
			t.Fatalf("CUPS delivered %d bytes, want the %d raw bytes unchanged", len(b), len(want))
		}
	case <-time.After(30 * time.Second):
		t.Fatal("CUPS delivered nothing to the socket printer")
	}
}

func TestQueueUnknownPrinter(t *testing.T) {
	startCUPS(t)
	err := Queue{Name: "no-such-queue"}.Send(context.Background(), "x", []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "no-such-queue") {
		t.Fatalf("err = %v", err)
	}
}
