#!/usr/bin/env bash
# End-to-end tests in Debian's Chromium against real app instances: builds the frontend, the
# Wails dev binary (its asset server gives a browser the real Go bindings) and xtfd, then runs
# frontend/e2e/run.mjs. Without a display it runs itself under a private Xvfb (the app is a GTK
# program and needs an X server even when the browser drives it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
(cd frontend && npx vite build --logLevel warn)
scripts/devbin.sh
go build -o build/bin/xtfd ./backend/cmd/xtfd
cd frontend && node e2e/run.mjs "$@"
