#!/usr/bin/env bash
# with_xvfb CMD...: run CMD with DISPLAY set to a private Xvfb (1280×800×24) whose display
# number Xvfb picks itself (-displayfd), so parallel runs never race for the same display as
# `xvfb-run -a` can. -noreset: a server that resets whenever its last client leaves makes the
# next client's connection fail now and then ("failed to init GTK"). The server is stopped
# afterwards; CMD's exit status is returned.
# Source this file, or run it: scripts/xvfb.sh CMD...
with_xvfb() {
  local tmp pid disp rc
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/xtf-xvfb.XXXXXX")
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
  pid=$!
  for _ in $(seq 200); do [[ -s $tmp/display ]] && break; sleep 0.05; done
  disp=$(cat "$tmp/display" 2>/dev/null || true)
  if [[ -z $disp ]]; then
    echo "xvfb: Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2
    kill "$pid" 2>/dev/null; rm -rf "$tmp"; return 1
  fi
  rm -rf "$tmp"
  DISPLAY=":$disp" "$@"
  rc=$?
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  return $rc
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  with_xvfb "$@"
fi
