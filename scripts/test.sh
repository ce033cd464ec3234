#!/usr/bin/env bash
# `make test`: install what is missing, then every check of the project. Each step runs even
# when an earlier one failed; the last line is the summary and the exit status is non-zero
# when any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"

scripts/deps.sh || { echo "make test: FAILED (could not install dependencies)"; exit 1; }

declare -a passed=() failed=()
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "==> $name"
  if "$@"; then passed+=("$name"); echo "<== $name: ok ($((SECONDS - t0)) s)"
  else failed+=("$name"); echo "<== $name: FAILED ($((SECONDS - t0)) s)"; fi
}

gofmt_check() {
  local bad
  bad=$(git ls-files -co --exclude-standard -- '*.go' | xargs gofmt -l)
  [[ -z $bad ]] || { echo "gofmt needed:"; echo "$bad"; return 1; }
}

bindings_fresh() {
  local out
  rm -rf frontend/wailsjs/go
  out=$(wails generate module 2>&1) || { echo "$out"; return 1; }
  find frontend/wailsjs -type f -exec chmod 644 {} +
  out=$(git status --porcelain -- frontend/wailsjs)
  [[ -z $out ]] || { echo "frontend/wailsjs is stale; run 'wails generate module' and commit:"; echo "$out"; return 1; }
}

# with_pg LOG CMD... runs CMD with XTF_TEST_PG_DSN set to a throw-away PostgreSQL server
# (scripts/pg-start.sh), its output in LOG, then stops the server and summarises LOG.
with_pg() {
  local log=$1 dsn="" rc
  shift
  if [[ -x scripts/pg-start.sh ]]; then
    dsn=$(scripts/pg-start.sh) || { echo "could not start PostgreSQL"; return 1; }
    echo "PostgreSQL for tests: $dsn"
  fi
  mkdir -p build/bin
  XTF_TEST_PG_DSN=$dsn "$@" > "$log" 2>&1
  rc=$?
  [[ -n $dsn ]] && scripts/pg-stop.sh "$dsn"
  go_test_summary "$log"
  return $rc
}

go_test() { with_pg build/bin/go-test.log scripts/xvfb.sh go test -count=1 -v ./...; }

# go_test_summary prints each package's result, every failed or skipped test with its reason
# and the counts, from a `go test -v` log (the full log stays in the file).
go_test_summary() {
  grep -E '^(ok|FAIL|panic:|---? FAIL|# )' "$1" | grep -v '^=== '
  # A skip reason is the first line a test printed after its "=== RUN" (go test -v).
  awk '/^=== RUN / {run=$3; next}
    run != "" && !/^ *--- / {sub(/^ */, ""); said[run]=$0; run=""; next}
    {run=""}
    /^ *--- SKIP: / {print $0 ": " said[$3]}' "$1"
  local pass fail skip
  pass=$(grep -cE '^ *--- PASS' "$1"); fail=$(grep -cE '^ *--- FAIL' "$1"); skip=$(grep -cE '^ *--- SKIP' "$1")
  echo "go test: $pass passed, $fail failed, $skip skipped (full log: $1)"
}

# go_test_windows runs every backend package's tests as Windows binaries under Wine
# (scripts/wine-test.sh), PostgreSQL runs included, and summarises them like go_test.
go_test_windows() { with_pg build/bin/go-test-windows.log scripts/wine-test.sh -count=1 -v ./backend/...; }

step "gofmt" gofmt_check
step "go vet (linux)" go vet ./...
step "go vet (windows)" env GOOS=windows go vet ./...
step "staticcheck (linux)" staticcheck ./...
step "staticcheck (windows)" env GOOS=windows staticcheck ./...
step "bindings fresh" bindings_fresh
step "go test" go_test
step "go test (windows, wine)" go_test_windows
step "installer (windows, wine)" bash -c 'scripts/windows.sh && scripts/wine-installer.sh'
step "chaos (75 s)" env CHAOS_DURATION=75s scripts/chaos.sh
step "vitest" bash -c 'cd frontend && npm test --silent'
step "vue-tsc" bash -c 'cd frontend && npm run --silent typecheck'
step "eslint" bash -c 'cd frontend && npm run --silent lint'
step "prettier" bash -c 'cd frontend && npm run --silent format:check'
step "e2e (chromium)" scripts/e2e.sh

total=$(( ${#passed[@]} + ${#failed[@]} ))
if ((${#failed[@]})); then
  echo "make test: FAILED — ${#failed[@]} of $total steps failed: ${failed[*]} (${SECONDS} s)"
  exit 1
fi
echo "make test: OK — all $total steps passed (${SECONDS} s)"
