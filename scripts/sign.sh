#!/usr/bin/env bash
# Authenticode-sign Windows executables in place with osslsigncode, then verify each
# signature. The certificate is the PKCS#12 file in $XTF_SIGN_PFX (password in
# $XTF_SIGN_PASSWORD) given by the builder; without one, a throw-away self-signed code-signing
# certificate is made under build/bin/signing/, so signing is exercised on every build (such an
# exe shows an unknown publisher on Windows).
# Usage: scripts/sign.sh FILE.exe...
set -euo pipefail
files=()
for f in "$@"; do files+=("$(realpath "${f//\\//}")"); done # makensis may hand over ..\ paths
cd "$(dirname "$0")/.."
pfx=${XTF_SIGN_PFX:-}
pass=${XTF_SIGN_PASSWORD:-}
dir=build/bin/signing
if [[ -z $pfx ]]; then
  pfx=$dir/test-cert.p12 pass=test
  # Made again when missing or within a day of its end (a build folder kept for weeks).
  if [[ ! -f $pfx ]] || ! openssl x509 -checkend 86400 -noout -in "$dir/test-cert.pem" >/dev/null 2>&1; then
    mkdir -p "$dir"
    openssl req -x509 -newkey rsa:3072 -nodes -days 30 -subj "/CN=XiaoTongFu test signing (not trusted)" \
      -addext "extendedKeyUsage=codeSigning" -keyout "$dir/test-key.pem" -out "$dir/test-cert.pem" 2>/dev/null
    openssl pkcs12 -export -inkey "$dir/test-key.pem" -in "$dir/test-cert.pem" -passout pass:"$pass" -out "$pfx"
  fi
fi
for f in "${files[@]}"; do
  osslsigncode sign -pkcs12 "$pfx" -pass "$pass" -h sha256 -n "小通付" -in "$f" -out "$f.signed" >/dev/null
  mv "$f.signed" "$f"
  ca=()
  [[ -z ${XTF_SIGN_PFX:-} ]] && ca=(-CAfile "$dir/test-cert.pem") # the throw-away cert is its own CA
  osslsigncode verify "${ca[@]}" -in "$f" >"$f.verify.log" 2>&1 ||
    { echo "sign: signature of $f does not verify:" >&2; cat "$f.verify.log" >&2; exit 1; }
  rm -f "$f.verify.log"
  echo "sign: $f signed and verified"
done
