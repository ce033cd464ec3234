#!/usr/bin/env bash
# Screenshots of the real window (production build, WebKitGTK under Xvfb): 登录, the main
# screen (收款, idle) and 收款 after a payment, each at 1280×800 and in the compact window
# (1024×640). Written to build/bin/shots/ (not committed).
# A fresh demo terminal is initialised first (frontend/e2e/shots-prep.mjs); the window is then
# driven by keyboard with xdotool: login 01, amount, payment code.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
out=build/bin/shots
mkdir -p "$out"
(cd frontend && npx vite build --logLevel warn)
scripts/devbin.sh
log=$(wails build -trimpath -skipbindings 2>&1) || { echo "$log" >&2; exit 1; }
find frontend/wailsjs -type f -exec chmod 644 {} + # wails writes some files 0755, some 0644
data=$(mktemp -d "${TMPDIR:-/tmp}/xtf-shots.XXXXXX")
node frontend/e2e/shots-prep.mjs "$data"

XTF_DATA_DIR=$data build/bin/xiaotongfu >"$data/app.out" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
win=""
for _ in $(seq 200); do
  win=$(xdotool search --onlyvisible --name '^小通付$' 2>/dev/null | head -1 || true)
  [[ -n $win ]] && break
  sleep 0.05
done
[[ -n $win ]] || { echo "screenshots: no window" >&2; exit 1; }
colours() { import -window "$win" png:- 2>/dev/null | identify -format %k - 2>/dev/null || echo 0; }
for _ in $(seq 100); do [[ $(colours) -gt 200 ]] && break; sleep 0.1; done
xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800 windowfocus "$win"
sleep 1
shot() { import -window "$win" "$out/$1.png"; echo "screenshots: $out/$1.png"; }
# both takes the current screen at 1280×800 and in the compact 1024×640 window.
both() {
  shot "$1-1280x800"
  xdotool windowsize "$win" 1024 640; sleep 1; shot "$1-1024x640"
  xdotool windowsize "$win" 1280 800; sleep 1
}
typeln() { xdotool type --window "$win" --delay 30 "$1"; xdotool key --window "$win" Return; sleep "${2:-0.6}"; }

both login
typeln 01 0.3
typeln Owner2026x 2 # the password shots-prep.mjs sets (demoAdminPw in frontend/e2e/flows.mjs)
both main
typeln 12.30 0.3
typeln "13$(date +%s%N | cut -c1-14)00" 2
both pay
