#!/usr/bin/env bash
# Rebuilds the embedded font subsets from Debian's fonts-noto-cjk (Noto Sans CJK SC, SIL OFL 1.1)
# with fontTools (apt-get install fonts-noto-cjk python3-fonttools). Regular: ASCII, GB2312
# symbols (rows 1–9) and level-1 hanzi (rows 16–55). Bold: ASCII, ¥ and bold-chars.txt.
set -euo pipefail
cd "$(dirname "$0")"
src=/usr/share/fonts/opentype/noto
/usr/bin/python3 - <<'PY' >/tmp/xtf-regular-chars.txt
import sys
out = {chr(c) for c in range(0x20, 0x7F)} | set("¥￥…—·•")
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8)):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
sys.stdout.write("".join(sorted(out)))
PY
{ printf ' !"#$%%&'"'"'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~¥'; cat bold-chars.txt; } >/tmp/xtf-bold-chars.txt
sub() { # weight, chars file, output
  /usr/bin/python3 -m fontTools.subset "$src/NotoSansCJK-$1.ttc" --font-number=2 --text-file="$2" \
    --output-file="$3" --no-hinting --desubroutinize --layout-features='' --drop-tables+=GSUB,GPOS,VORG,vhea,vmtx
}
sub Regular /tmp/xtf-regular-chars.txt NotoSansSC-Regular-subset.otf
sub Bold /tmp/xtf-bold-chars.txt NotoSansSC-Bold-subset.otf
ls -l ./*.otf
