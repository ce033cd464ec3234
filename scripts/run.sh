#!/usr/bin/env bash
# `make run`: start 小通付 in demo mode (embedded platform, built-in simulator, demo merchant).
# With a display: the production build in its own window. Without one: the app runs under
# Xvfb and its UI, with the real Go bindings, is served to a browser at http://localhost:34115.
# Data folder: $XTF_DATA_DIR, default build/bin/demo-data (delete it to start over).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
export XTF_DATA_DIR=${XTF_DATA_DIR:-$PWD/build/bin/demo-data}
PORT=${PORT:-34115}
if [[ -z ${DISPLAY:-} ]]; then
  XTF_HEADLESS=1 exec scripts/xvfb.sh "$0" "$@"
fi
mkdir -p "$XTF_DATA_DIR"
echo "run: data folder $XTF_DATA_DIR (log: $XTF_DATA_DIR/xiaotongfu.log)"

if [[ -z ${XTF_HEADLESS:-} ]]; then
  wails build -trimpath
  find frontend/wailsjs -type f -exec chmod 644 {} + # wails writes some files 0755, some 0644
  exec build/bin/xiaotongfu
fi

(cd frontend && npx vite build --logLevel warn)
scripts/devbin.sh
if curl -fs -o /dev/null "http://localhost:$PORT/"; then
  echo "run: port $PORT is already in use (another 'make run'?); set PORT=... to use another" >&2
  exit 1
fi
echo "run: no DISPLAY; the app runs under Xvfb ($DISPLAY)"
build/bin/xiaotongfu-dev -devserver "localhost:$PORT" -assetdir frontend/dist -loglevel Warning &
app=$!
# stop ends the app as Ctrl+C does (its normal shutdown) and waits for it.
stop() { kill -INT "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
# Ctrl+C (or SIGTERM) is how this demo ends: a normal end, exit status 0.
trap 'stop; echo; echo "run: 小通付 stopped"; exit 0' INT TERM
trap stop EXIT
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://localhost:$PORT/" && break
  kill -0 "$app" 2>/dev/null || { echo "run: the app exited; see $XTF_DATA_DIR/xiaotongfu.log" >&2; exit 1; }
  sleep 0.5
done
cat <<MSG

  小通付 is running in demo mode. Open http://localhost:$PORT in a browser.
  Demo merchant 888888888888888; the SMS code appears in the yellow demo banner.
  Admin 01, initial password 1111111. Ctrl+C stops it.

MSG
wait "$app" # returns at once on Ctrl+C (the trap above); otherwise the app ended by itself
