#!/usr/bin/env bash
# with_xvfb CMD...: run CMD with DISPLAY set to a private Xvfb (1280×800×24) whose display
# number Xvfb picks itself (-displayfd), so parallel runs never race for the same display as
# `xvfb-run -a` can. -noreset: a server that resets whenever its last client leaves makes the
# next client's connection fail now and then ("failed to init GTK"). Xvfb runs in its own
# session, so a Ctrl+C meant for CMD does not take the display away while CMD (say, the app)
# is still shutting down; it is stopped afterwards, also when this shell is ended by a signal.
# CMD's exit status is returned.
# Source this file, or run it: scripts/xvfb.sh CMD...
with_xvfb() {
  local tmp pid disp rc prev
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/xtf-xvfb.XXXXXX")
  setsid Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
  pid=$!
  prev=$(trap -p EXIT)
  trap "kill $pid 2>/dev/null" EXIT
  for _ in $(seq 200); do [[ -s $tmp/display ]] && break; sleep 0.05; done
  disp=$(cat "$tmp/display" 2>/dev/null || true)
  if [[ -z $disp ]]; then
    echo "xvfb: Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2
    kill "$pid" 2>/dev/null; rm -rf "$tmp"; eval "${prev:-trap - EXIT}"; return 1
  fi
  rm -rf "$tmp"
  DISPLAY=":$disp" "$@"
  rc=$?
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  eval "${prev:-trap - EXIT}"
  return $rc
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  with_xvfb "$@"
fi
