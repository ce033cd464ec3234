#!/usr/bin/env bash
# `make windows`: build/bin/xiaotongfu.exe and its NSIS installer, with cgo SQLite compiled
# by mingw, both Authenticode-signed (scripts/sign.sh: the builder's certificate, or a
# throw-away one). Bindings are generated natively first: `wails build` would otherwise build
# its bindings generator for Linux with the mingw compiler and fail. Wails makes the installer
# around the unsigned exe, so after signing the exe the installer is made again with makensis,
# which also signs the uninstaller it embeds and the installer itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
wails generate module >/dev/null
find frontend/wailsjs -type f -exec chmod 644 {} + # wails writes some files 0755, some 0644
CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
  wails build -platform windows/amd64 -skipbindings -nsis -trimpath
exe=build/bin/xiaotongfu.exe
installer=build/bin/xiaotongfu-amd64-installer.exe
if strings "$exe" | grep -q "requires cgo to work"; then
  echo "windows: $exe contains go-sqlite3's no-cgo stub" >&2
  exit 1
fi
scripts/sign.sh "$exe"
(cd build/windows/installer &&
  makensis -V2 -DARG_WAILS_AMD64_BINARY="$PWD/../../bin/xiaotongfu.exe" -DXTF_SIGN="$PWD/../../../scripts/sign.sh" project.nsi)
echo "windows: $exe $(stat -c %s "$exe") bytes; $installer $(stat -c %s "$installer") bytes"
