# 小通付 — every target installs what it needs first (scripts/deps.sh).
#   make run          demo mode: a window, or (no DISPLAY) Xvfb + http://localhost:34115
#   make test         gofmt, vet + staticcheck (linux + windows), bindings, go test (linux + wine), installer (wine), chaos, vitest, vue-tsc, eslint, prettier, e2e
#   make windows      build/bin/xiaotongfu.exe + NSIS installer (cgo SQLite via mingw)
#   make bench        Go benchmarks, OCR/xtfd benchmark scripts, start-up time, RSS, sizes
#   make e2e          only the browser end-to-end tests
#   make chaos        money-path chaos run, reconciled with the simulator (CHAOS_DURATION=5m)
#   make soak         xtfd soak: 1,000 terminals, a day ramping to a lunch peak (SOAK_DURATION=10m, SOAK_TERMINALS=1000, SOAK_DB=sqlite)
#   make screenshots  build/bin/shots/*.png of the real window under Xvfb
#   make bindings     regenerate frontend/wailsjs after a bound signature changed
SHELL := /bin/bash
.DEFAULT_GOAL := run
.PHONY: run test windows bench e2e chaos soak screenshots bindings deps clean

deps:
	@scripts/deps.sh

run: deps
	scripts/run.sh

test:
	scripts/test.sh

windows: deps
	scripts/windows.sh

bench: deps
	scripts/bench.sh

e2e: deps
	scripts/e2e.sh

chaos: deps
	scripts/chaos.sh

soak: deps
	scripts/soak.sh -d $${SOAK_DURATION:-10m} -t $${SOAK_TERMINALS:-1000} -db $${SOAK_DB:-sqlite}

screenshots: deps
	scripts/screenshots.sh

bindings: deps
	rm -rf frontend/wailsjs/go && PATH="$$(go env GOPATH)/bin:$$PATH" wails generate module
	find frontend/wailsjs -type f -exec chmod 644 {} +

clean:
	rm -rf build/bin frontend/dist
