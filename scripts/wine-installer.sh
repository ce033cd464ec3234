#!/usr/bin/env bash
# Check the Windows installer the way a shop meets it, under Wine in a private prefix (created
# and removed here): build/bin/xiaotongfu-amd64-installer.exe /S installs per user with
# Start-menu and desktop shortcuts and an uninstaller entry, over an older version (an
# installer of version 0.0.1 built here around a stand-in exe) keeping its data; installing
# again over it keeps the data folder; the installed exe puts itself in the Run key (开机自动启动,
# on by default) and, started without WebView2, tells the user so in Chinese; uninstall.exe /S
# removes the program and its Run entry and keeps the data folder, and with /REMOVEDATA
# (同时删除数据 ticked) removes it too; the exe carries its version resources and icon.
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
# run_entry prints 小通付's value in the current user's Run key ("" when absent), read from a
# reg export (UTF-16, so the Chinese folder name survives whatever locale the shell has) and
# unescaped; with an argument (a file under drive_c) it prints what that value should be.
run_entry() {
  rm -f "$work/run.reg"
  (cd "$work" && wine reg export 'HKCU\Software\Microsoft\Windows\CurrentVersion\Run' run.reg /y >/dev/null 2>&1)
  python3 - "$work/run.reg" "$WINEPREFIX/drive_c" "$@" <<'PY'
import os, re, sys
if len(sys.argv) > 3:
    print('"C:\\' + os.path.relpath(sys.argv[3], sys.argv[2]).replace("/", "\\") + '"')
    sys.exit()
try:
    text = open(sys.argv[1], "rb").read().decode("utf-16")
except OSError:
    sys.exit()
m = re.search(r'^"XiaoTongFu"="((?:[^"\\]|\\.)*)"', text, re.M)
if m:
    print(re.sub(r'\\(.)', r'\1', m.group(1)))
PY
}

# old_installer builds version 0.0.1 of the installer around a stand-in exe, from a copy of
# build/windows (its OutFile is relative), into $work/old/bin.
old_installer() {
  mkdir -p "$work/old/bin"
  cp -r build/windows "$work/old/windows"
  echo 'int main(void) { return 0; }' | x86_64-w64-mingw32-gcc -x c -o "$work/old/xiaotongfu.exe" -
  (cd "$work/old/windows/installer" &&
    makensis -V1 -DINFO_PRODUCTVERSION=0.0.1 -DARG_WAILS_AMD64_BINARY="$work/old/xiaotongfu.exe" project.nsi)
}
old_installer || { echo "wine-installer: could not build the 0.0.1 installer" >&2; exit 1; }
wine "$work/old/bin/xiaotongfu-amd64-installer.exe" /S
check "version 0.0.1 installed first" test "$(reg_value DisplayVersion)" = 0.0.1
mkdir -p "$data" && echo '{"terminalToken":"kept"}' >"$data/config.json"
wine "$installer" /S
check "installing $version over 0.0.1 keeps its data folder" grep -q kept "$data/config.json"
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
check "its first start puts it in the Run key (开机自动启动 on by default)" test "$(run_entry)" = "$(run_entry "$app/xiaotongfu.exe")"
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
check "and its Run-key entry" test -z "$(run_entry)"
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
# resource_types lists the exe's top-level resource types (3 RT_ICON, 14 RT_GROUP_ICON, 16 RT_VERSION).
resource_types() {
  x86_64-w64-mingw32-objdump -p "$exe" | sed -n '/The .rsrc Resource Directory section/,$p' |
    sed -nE 's/^[0-9a-f]+   Entry: ID: 0x0*([0-9a-f]+),.*/\1/p'
}
check "exe carries an icon (RT_ICON and RT_GROUP_ICON resources)" bash -c "grep -qx 3 <<<'$(resource_types)' && grep -qx e <<<'$(resource_types)'"
exit $failed
