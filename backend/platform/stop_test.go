package platform

import (
	"sync"
	"testing"
	"time"
)

// TestStopRacesSpawn starts drivers while Stop runs (run with -race): no driver may be added
// to the wait group once Stop waits on it.
func TestStopRacesSpawn(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	for range 20 {
		svc := e.newService(e.db, testPoll)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 50 {
				svc.spawnDriver(uint(1_000_000+i), time.Now())
			}
		}()
		go func() {
			defer wg.Done()
			svc.Stop()
		}()
		wg.Wait()
	}
}
