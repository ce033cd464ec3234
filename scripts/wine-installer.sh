#!/usr/bin/env bash
# Check the Windows installer the way a shop meets it, under Wine in a private prefix (created
# and removed here): build/bin/xiaotongfu-amd64-installer.exe /S installs per user with
# Start-menu and desktop shortcuts and an uninstaller entry; installing again over it keeps
# the data folder; uninstall.exe /S removes the program and keeps the data folder, and with
# /REMOVEDATA (同时删除数据 ticked) removes it too; the exe
# carries its version resources; started without WebView2 it tells the user so in Chinese.
# Needs `make windows` first. Prints one line per check and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
installer=$PWD/build/bin/xiaotongfu-amd64-installer.exe
exe=$PWD/build/bin/xiaotongfu.exe
[[ -f $installer && -f $exe ]] || { echo "wine-installer: run make windows first" >&2; exit 1; }
version=$(python3 -c 'import json; print(json.load(open("wails.json"))["info"]["productVersion"])')

work=$(mktemp -d "${TMPDIR:-/tmp}/xtf-wine-inst.XXXXXX")
export WINEPREFIX=$work/prefix WINEDEBUG=${WINEDEBUG:--all} WINEARCH=win64
trap 'wineserver -k 2>/dev/null; rm -rf "$work"' EXIT
. scripts/wine/prefix.sh
make_prefix || exit 1

user=$WINEPREFIX/drive_c/users/$(id -un)
app="$user/AppData/Local/Programs/小通付"
data="$user/AppData/Roaming/XiaoTongFu"
menu="$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/小通付.lnk"
desk="$user/Desktop/小通付.lnk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\XiaoTongFu'
failed=0
check() { # check DESCRIPTION COMMAND...
  if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failed=1; fi
}
absent() { [[ ! -e $1 ]]; }
reg_value() { wine reg query "$key" /v "$1" 2>/dev/null | tr -d '\r' | awk -v n="$1" '$1==n{print $3}'; }

wine "$installer" /S
check "installer /S puts xiaotongfu.exe and uninstall.exe under %LOCALAPPDATA%\\Programs\\小通付" \
  test -f "$app/xiaotongfu.exe" -a -f "$app/uninstall.exe"
check "the installed exe is the built one" cmp -s "$exe" "$app/xiaotongfu.exe"
check "Start-menu shortcut" test -f "$menu"
check "desktop shortcut" test -f "$desk"
check "uninstaller entry in HKCU, DisplayVersion $version" test "$(reg_value DisplayVersion)" = "$version"
check "nothing installed machine-wide" absent "$WINEPREFIX/drive_c/Program Files/小通付"

# windows_named lists the names of the visible windows on the display (Wine's are X windows).
windows_named() {
  local w
  for w in $(xdotool search --onlyvisible --name . 2>/dev/null); do xdotool getwindowname "$w" 2>/dev/null; done
}
# The app without WebView2 (Wine has none): Wails' dialog about the runtime with the app's
# Chinese title (desktop.WindowsOptions), or its own 小通付无法启动 box, rather than a crash.
# Both block, so the exe is left to wineserver -k.
wine "$app/xiaotongfu.exe" >"$work/app.log" 2>&1 &
names=""
for _ in $(seq 150); do
  names=$(windows_named)
  grep -qE '小通付缺少运行组件|小通付无法启动' <<<"$names" && break
  sleep 0.2
done
echo "     windows shown by the exe: ${names//$'\n'/ | }"
check "the exe without WebView2 says so in Chinese instead of crashing" grep -qE '小通付缺少运行组件|小通付无法启动' <<<"$names"
wineserver -k
wineserver -w

mkdir -p "$data" && echo '{"terminalToken":"kept"}' >"$data/config.json"
wine "$installer" /S
check "installing again over it keeps the data folder" grep -q kept "$data/config.json"

wine "$app/uninstall.exe" /S
wineserver -w # the uninstaller copies itself to %TEMP% and finishes there
check "uninstall.exe /S removes the program" absent "$app/xiaotongfu.exe"
check "and the shortcuts" absent "$menu"
check "and the uninstaller entry" test -z "$(reg_value DisplayVersion)"
check "and keeps the data folder" grep -q kept "$data/config.json"

wine "$installer" /S
wine "$app/uninstall.exe" /S /REMOVEDATA
wineserver -w
check "uninstall.exe /S /REMOVEDATA (同时删除数据 ticked) removes the data folder too" absent "$data"

# verinfo KEY prints the exe's StringFileInfo value KEY (UTF-16 key, padding to 4 bytes, value).
verinfo() {
  python3 - "$exe" "$1" <<'PY'
import sys
data, key = open(sys.argv[1], "rb").read(), (sys.argv[2] + "\0").encode("utf-16-le")
i = data.find(key)
if i >= 0:
    j = i + len(key)
    j += (4 - j % 4) % 4
    k = j
    while data[k:k + 2] != b"\0\0":
        k += 2
    print(data[j:k].decode("utf-16-le"))
PY
}
check "exe version resource ProductName 小通付" test "$(verinfo ProductName)" = "小通付"
check "exe version resource ProductVersion $version" test "$(verinfo ProductVersion)" = "$version"
check "exe version resource CompanyName 小通付" test "$(verinfo CompanyName)" = "小通付"
check "exe carries an icon" bash -c "x86_64-w64-mingw32-objdump -p '$exe' | grep -q 'Resource Directory'"
exit $failed
