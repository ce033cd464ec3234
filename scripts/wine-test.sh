#!/usr/bin/env bash
# The "go test (windows, wine)" step of `make test`: every backend package's tests built for
# Windows (cgo via mingw, as the shipped exe) and run under Wine in a private prefix that this
# script creates and removes. Wine 8.0 needs two test-only workarounds, both made here at test
# time and neither touching GOROOT or the shipped exe:
#   - scripts/wine/processprng.c built into the prefix's system32 as bcryptprimitives.dll
#     (Go's runtime loads ProcessPrng from it; Wine 8 has none);
#   - a `go test -overlay` copy of GOROOT's internal/syscall/windows/at_windows.go that treats
#     STATUS_NOT_IMPLEMENTED (Wine's answer to FileDispositionInformationEx) like the other
#     "not supported" statuses, so os.RemoveAll and t.TempDir clean-up work.
# Usage: scripts/wine-test.sh [go test flags and packages]   (default: -count=1 -v ./backend/...)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/xtf-wine.XXXXXX")
export WINEPREFIX=$work/prefix WINEDEBUG=${WINEDEBUG:--all} WINEARCH=win64
cleanup() {
  wineserver -k 2>/dev/null || true
  [[ -n ${cupsd_pid:-} ]] && kill "$cupsd_pid" 2>/dev/null
  # After Wine: a wineserver that has the pty as its terminal dumps its state on the hang-up.
  [[ -n ${socat_pid:-} ]] && kill "$socat_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/wine/prefix.sh

# make_com_port maps COM5 to one end of a socat pty pair (HKLM\Software\Wine\Ports, read when
# Wine's services start), for the box tests' open/close of a real COM port.
make_com_port() {
  socat PTY,link="$work/com5",raw,echo=0 PTY,link="$work/com5-peer",raw,echo=0 >"$work/socat.log" 2>&1 &
  socat_pid=$!
  wine reg add 'HKLM\Software\Wine\Ports' /v COM5 /d "$work/com5" /f >>"$work/wineboot.log" 2>&1
  export XTF_TEST_COM_PORT=COM5
}

# make_cups_queue starts a private cupsd (the system's /etc/cups untouched) with one RAW queue,
# receipt58, whose socket:// device is a free loopback port: the printer tests listen there and
# compare what Wine's spooler and CUPS deliver with the golden receipt. Wine reads the queues
# through CUPS_SERVER when its services start, so this comes before the prefix.
make_cups_queue() {
  local c=$work/cups port
  mkdir -p "$c"/{etc/ppd,spool/tmp,tmp,cache,state,log}
  chmod 755 "$work" # the socket backend runs as lp and reads the spooled job
  cat >"$c/etc/cups-files.conf" <<CONF
ServerRoot $c/etc
RequestRoot $c/spool
TempDir $c/tmp
CacheDir $c/cache
StateDir $c/state
ServerBin /usr/lib/cups
DataDir /usr/share/cups
ErrorLog $c/log/error_log
AccessLog $c/log/access_log
PageLog $c/log/page_log
CONF
  printf 'Listen %s/cups.sock\nBrowsing No\n<Location />\nOrder allow,deny\nAllow all\n</Location>\n' "$c" >"$c/etc/cupsd.conf"
  cupsd -f -c "$c/etc/cupsd.conf" -s "$c/etc/cups-files.conf" >"$c/log/cupsd.out" 2>&1 &
  cupsd_pid=$!
  export CUPS_SERVER=$c/cups.sock
  for _ in $(seq 100); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  lpadmin -p receipt58 -E -v "socket://127.0.0.1:$port" -m raw 2>/dev/null
  export XTF_TEST_SPOOL_PRINTER=receipt58 XTF_TEST_SPOOL_ADDR=127.0.0.1:$port
}

# point_printer_at_lp makes Wine add the CUPS queues to its spooler (scripts/wine/printers.c
# loads winspool.drv) and gives receipt58 the port "|lp -d receipt58 -o raw": Wine's spooler
# pipes each RAW job to lp, and from there CUPS sends it unchanged to the socket device. Wine's
# own CUPS port (CUPS:receipt58) cannot be used: it sends the queue's 21 printer attributes as
# job options, and Debian 12's cupsd 2.4.2 dies of a segmentation fault on that job.
point_printer_at_lp() {
  local key='HKLM\System\CurrentControlSet\Control\Print\Printers\receipt58'
  x86_64-w64-mingw32-gcc -O2 -s -o "$work/printers.exe" scripts/wine/printers.c -lwinspool
  wine "$work/printers.exe" | tr -d "\r" | grep -qx receipt58 ||
    { echo "wine-test: Wine's spooler does not list the CUPS queue receipt58" >&2; return 1; }
  wine reg add "$key" /v Port /d '|lp -s -d receipt58 -o raw' /f >>"$work/wineboot.log" 2>&1
}

# make_overlay writes the -overlay JSON that replaces at_windows.go for this build only.
make_overlay() {
  local src out
  src=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
  out=$work/at_windows.go
  sed 's|^\t\tSTATUS_NOT_SUPPORTED: |\t\tNTStatus(0xC0000002), // STATUS_NOT_IMPLEMENTED: Wine 8 has no FileDispositionInformationEx\n&|' \
    "$src" >"$out"
  grep -q 'NTStatus(0xC0000002)' "$out" ||
    { echo "wine-test: $src changed; the STATUS_NOT_IMPLEMENTED overlay no longer applies" >&2; return 1; }
  printf '{"Replace":{"%s":"%s"}}\n' "$src" "$out" >"$work/overlay.json"
}

make_cups_queue
make_prefix
make_com_port
point_printer_at_lp
make_overlay
wineserver -w # the one winecfg started, then one kept for all test binaries
wineserver -p
# Wine's services start with the first program and outlive it; started here, they do not hold
# a test binary's output pipe open after it exits (go test: "Test I/O incomplete").
wine cmd /c exit </dev/null >/dev/null 2>&1
(($#)) || set -- -count=1 -v ./backend/...
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
  go test -overlay "$work/overlay.json" -exec "$PWD/scripts/wine/exec.sh" "$@"
