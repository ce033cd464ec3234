#!/usr/bin/env bash
# Benchmarks the amount recogniser against Debian's tesseract on the generated OCR corpus.
#
#   scripts/bench-ocr.sh [CORPUS_DIR] [IMAGES_PER_RASTERISER]
#
# Generates the corpus (x/image and ImageMagick renderings, see backend/devices/ocr/internal/corpus)
# unless CORPUS_DIR already holds one, runs backend/cmd/amountocr and `tesseract --psm 7` with a
# digits whitelist on the same images, and prints median/p99 milliseconds per image, accuracy,
# wrong-read and abstain rates side by side. A wrong read is a number other than the expected one,
# or any number where the image must be refused. Also runs `go test -bench` for a 300×60 region.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-${TMPDIR:-/tmp}/xiaotongfu-ocr-corpus}
n=${2:-200}
if [ ! -f "$dir/manifest.tsv" ]; then
  go run ./backend/devices/ocr/internal/corpus/gencorpus -out "$dir" -n "$n"
fi
go build -o "$dir/amountocr" ./backend/cmd/amountocr
cut -f1 "$dir/manifest.tsv" > "$dir/files.txt"
(cd "$dir" && xargs ./amountocr -v < files.txt) | cut -f2,4 > "$dir/ours.tsv"

# normalise applies our grammar to tesseract's text: optional ¥, digits with well-formed thousands
# commas, at most two decimals; anything else counts as abstaining.
normalise() {
  local s=${1#¥}
  if ! printf '%s' "$s" | grep -Eq '^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)([.][0-9]{1,2})?$'; then echo "?"; return; fi
  s=${s//,/}
  local int=${s%%.*} dec=""
  [ "$int" != "$s" ] && dec=${s#*.}
  dec=${dec}00
  int=$(printf '%s' "$int" | sed 's/^0*//')
  echo "${int:-0}.${dec:0:2}"
}

have_tess=0
if command -v tesseract >/dev/null 2>&1; then
  have_tess=1
  : > "$dir/tess.tsv"
  while read -r f; do
    t0=$(date +%s%N)
    raw=$(OMP_THREAD_LIMIT=1 tesseract "$dir/$f" stdout --psm 7 -c tessedit_char_whitelist=0123456789.,¥ 2>/dev/null | tr -d ' \n\f' || true)
    t1=$(date +%s%N)
    # Same grammar as ours: optional ¥, digits with well-formed thousands commas, at most 2 decimals.
    amount=$(normalise "$raw")
    printf '%s\t%s\n' "$amount" "$(( (t1 - t0) / 1000 ))e-3" >> "$dir/tess.tsv"
  done < "$dir/files.txt"
else
  echo "tesseract not installed (apt-get install tesseract-ocr): only our figures are shown" >&2
fi

percentile() { # $1 = results file, $2 = fraction; prints that percentile of column 2 (ms)
  cut -f2 "$1" | sort -g | awk -v q="$2" '{ v[NR]=$1 } END { i=int(NR*q + 0.999); if (i < 1) i=1; print v[i] }'
}

summarise() { # $1 = results file (amount, ms), $2 = name; prints one table row
  paste <(cut -f2 "$dir/manifest.tsv") "$1" | awk -F'\t' -v name="$2" -v med="$(percentile "$1" 0.5)" -v p99="$(percentile "$1" 0.99)" '
    { want=$1; got=$2
      if (want == "?") { if (got != "?") wrong++ }
      else { valid++; if (got == "?") abst++; else if (got == want) right++; else wrong++ } }
    END { printf "| %-22s | %9.2f | %6.2f | %6.1f %% | %3d (%4.1f %%) | %5.1f %% | %d / %d |\n", name, med, p99,
        100*right/valid, wrong, 100*wrong/NR, 100*abst/valid, right, valid }'
}

echo
echo "Corpus: $(wc -l < "$dir/manifest.tsv") images in $dir ($(grep -c $'\t?\t' "$dir/manifest.tsv") must be refused)"
echo "| recogniser             | median ms | p99 ms | accuracy | wrong reads | abstain | right / readable |"
echo "|------------------------|-----------|--------|----------|-------------|---------|------------------|"
summarise "$dir/ours.tsv" "xiaotongfu ocr (Go)"
[ "$have_tess" = 1 ] && summarise "$dir/tess.tsv" "tesseract 5 --psm 7"
echo "(ms per image: ours inside one process; tesseract one process per image, start-up included.)"
echo
# breakdown prints right / wrong / abstained of ours.tsv by manifest column $1 (4 = font group,
# 6 = size band, 7 = effect); every corpus font is evaluation-only (see backend/devices/ocr/doc.go).
breakdown() {
  paste "$dir/manifest.tsv" "$dir/ours.tsv" | awk -F'\t' -v col="$1" '
    { k=$col; keys[k]=1; want=$2; got=$8
      if (want == "?") { n[k]++; if (got != "?") w[k]++; else f[k]++ }
      else { n[k]++; v[k]++; if (got == "?") a[k]++; else if (got == want) r[k]++; else w[k]++ } }
    END { for (k in keys) printf "| %-12s | %5d | %5d (%5.1f %%) | %5d | %5d | %5d |\n", k, n[k], r[k], v[k] ? 100*r[k]/v[k] : 0, w[k], a[k], f[k] }' | sort
}
for c in "4 font group" "6 size (px)" "7 effect"; do
  echo
  echo "By ${c#* } (ours):"
  echo "| key          | images | right            | wrong | abstained | refused |"
  echo "|--------------|--------|------------------|-------|-----------|---------|"
  breakdown "${c%% *}"
done
echo
go test -run '^$' -bench 'Recognize' -benchmem ./backend/devices/ocr/
