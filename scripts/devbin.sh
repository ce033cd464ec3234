#!/usr/bin/env bash
# Builds build/bin/xiaotongfu-dev: the app with Wails' dev asset server (-tags dev), which
# serves the UI with the real Go bindings to any browser (`make run` without a display, the
# e2e tests, the screenshots).
# Wails v2.12.0's dev server passes the message "runtime:ready", which its own runtime sends
# when a page has loaded, from a browser to the dispatcher, which knows no such message and
# logs "Unknown message from front end: runtime:ready" on every load (wailsapp/wails#5795;
# the desktop frontends consume it before dispatching). This build uses a copy of the Wails
# module in build/bin/ whose dev server consumes it the same way (the one-line fix proposed
# in wailsapp/wails#5796), through a go.mod copy with a replace; go.mod itself, and every
# other build, keep the released module. It stops if the file no longer reads as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
mod=$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
copy=$PWD/build/bin/wails-dev/$(basename "$mod")
file=internal/frontend/devserver/devserver.go
if [[ ! -f $copy/go.mod ]]; then
  mkdir -p "$(dirname "$copy")"
  cp -r "$mod" "$copy.tmp" && chmod -R u+w "$copy.tmp" && mv "$copy.tmp" "$copy"
fi
sed 's|^\t\t\tif m == "drag" {$|\t\t\tif m == "drag" \|\| m == "runtime:ready" { // runtime:ready: the runtime is up; nothing to dispatch|' \
  "$mod/$file" >"$copy/$file.new"
grep -q 'm == "runtime:ready"' "$copy/$file.new" ||
  { echo "devbin: $mod/$file changed; the runtime:ready fix no longer applies" >&2; exit 1; }
cmp -s "$copy/$file.new" "$copy/$file" && rm "$copy/$file.new" || mv "$copy/$file.new" "$copy/$file"
modfile=build/bin/wails-dev/go.mod
{ cat go.mod; echo "replace github.com/wailsapp/wails/v2 => $copy"; } >"$modfile"
cp go.sum build/bin/wails-dev/go.sum
go build -modfile "$modfile" -tags dev -o build/bin/xiaotongfu-dev .
