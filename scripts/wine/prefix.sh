# Sourced by scripts/wine-test.sh and scripts/wine-installer.sh, with $work (a scratch folder)
# and WINEPREFIX (a folder in it) set, from the repository root.

# make_prefix creates the Wine prefix without the Mono and Gecko install prompts, reports
# itself as Windows 10, holds the ProcessPrng shim and a Chinese font where Chinese Windows
# keeps 微软雅黑 (Debian's Noto Sans CJK standing in for msyh.ttc), which the statistics PNG
# falls back to and message boxes draw with.
make_prefix() {
  WINEDLLOVERRIDES="mscoree,mshtml=" wineboot -i >"$work/wineboot.log" 2>&1 ||
    { cat "$work/wineboot.log" >&2; return 1; }
  wine winecfg -v win10 >>"$work/wineboot.log" 2>&1
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/wine/processprng.c -ladvapi32
  ln -s /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc "$WINEPREFIX/drive_c/windows/Fonts/msyh.ttc"
}
