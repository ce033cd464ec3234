package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

// smsHook is an SMS provider on httptest: it records each {phone, text} it accepts and
// answers 500 while failing is set.
type smsHook struct {
	mu      sync.Mutex
	failing bool
	got     []map[string]string
}

func (h *smsHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var m map[string]string
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" ||
		json.NewDecoder(r.Body).Decode(&m) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failing {
		http.Error(w, "provider down", http.StatusInternalServerError)
		return
	}
	h.got = append(h.got, m)
}

// TestServeWebhookSMS: with -sms webhook the init code reaches the provider as {phone, text};
// a provider answering 500 gives the caller CodeUnavailable and leaves no code as sent, so
// an immediate retry is not "too soon" and its code logs the terminal in.
func TestServeWebhookSMS(t *testing.T) {
	db := filepath.Join(t.TempDir(), "xtfd.db")
	if code, _, errs := runCmd(t, "demo", "-db", db); code != 0 {
		t.Fatal(errs)
	}
	hook := &smsHook{failing: true}
	hs := httptest.NewServer(hook)
	defer hs.Close()
	addr, _, _ := startServe(t, "-db", db, "-sms", "webhook", "-sms-url", hs.URL)
	api := httpapi.NewClient("http://"+addr, nil)
	_, err := api.RequestInitCode(context.Background(), platform.DemoMerchantNo)
	if domain.CodeOf(err) != domain.CodeUnavailable {
		t.Fatalf("webhook 500: want %s, got %v", domain.CodeUnavailable, err)
	}
	hook.mu.Lock()
	hook.failing = false
	hook.mu.Unlock()
	initAndLogin(t, api, platform.DemoMerchantNo, func() string {
		hook.mu.Lock()
		defer hook.mu.Unlock()
		if len(hook.got) != 1 || hook.got[0]["phone"] != platform.DemoPhone {
			t.Fatalf("webhook received %v", hook.got)
		}
		m := reSMS.FindStringSubmatch(hook.got[0]["text"])
		if m == nil {
			t.Fatalf("no 6-digit code in %q", hook.got[0]["text"])
		}
		return m[1]
	})
}
