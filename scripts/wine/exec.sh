#!/usr/bin/env bash
# `go test -exec` wrapper used by scripts/wine-test.sh: runs a cross-compiled Windows test
# binary under Wine in the prefix the caller set up (WINEPREFIX), passing its arguments and
# returning its exit status.
exec wine "$@"
