package desktop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

func TestShellOpensTheDataFolderFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(store.DataDirEnv, dir)
	sh, err := Open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Stop()
	st, err := sh.Session.State()
	if err != nil || st.Problem != nil || !st.Demo || st.Initialized {
		t.Fatalf("State() = %+v, %v", st, err)
	}
	if len(sh.Bind()) != len(Bindings()) || !slices.ContainsFunc(sh.Bind(), func(v any) bool { return v == any(sh.Device) }) {
		t.Fatalf("bound %d services, bindings %d; want the same, with DeviceService", len(sh.Bind()), len(Bindings()))
	}
	for i, v := range sh.Bind() {
		if reflect.ValueOf(v).IsNil() {
			t.Fatalf("bound service #%d is nil", i)
		}
	}
	for _, name := range []string{DBName, LogName} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s not in the data folder: %v", name, err)
		}
	}
	other := &Shell{Dir: dir + "-other"}
	if sh.InstanceID() == other.InstanceID() || !strings.HasPrefix(sh.InstanceID(), "xiaotongfu-") {
		t.Fatalf("instance ids %q and %q", sh.InstanceID(), other.InstanceID())
	}
}

func TestShellWithABrokenConfigStillOpensAndReportsIt(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(store.DataDirEnv, dir)
	if err := os.WriteFile(filepath.Join(dir, ConfigName), []byte(`{"platform":{"mode":"cloud"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	sh, err := Open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Stop()
	st, _ := sh.Session.State()
	if st.Problem == nil || st.Problem.Code != domain.CodeUnavailable || !strings.Contains(st.Problem.Message, ConfigName) {
		t.Fatalf("State().Problem = %+v", st.Problem)
	}
}

func TestFormatErrorKeepsDomainErrorsAndHidesTheRest(t *testing.T) {
	sh := &Shell{Log: nil}
	e := sh.FormatError(domain.FieldError("amount", "金额最多两位小数")).(*domain.Error)
	if e.Code != domain.CodeInvalidInput || e.Field != "amount" {
		t.Fatalf("domain error became %+v", e)
	}
	e = sh.FormatError(errors.New("sql: database is locked at /home/x")).(*domain.Error)
	if e.Code != domain.CodeInternal || strings.Contains(e.Message, "sql") {
		t.Fatalf("raw error became %+v", e)
	}
}
