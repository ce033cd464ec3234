#!/usr/bin/env bash
# Install what building, running and testing 小通付 needs and is missing: Debian packages,
# the Wails CLI (same version as go.mod) and the frontend's node_modules. Quiet when all is
# there. Needs root for apt-get; reachable: Debian apt, the Go module proxy, the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PKGS=(libgtk-3-dev libwebkit2gtk-4.0-dev xvfb xauth xdotool x11-utils imagemagick
  fonts-noto-cjk fonts-noto-core fonts-dejavu-core fonts-liberation tesseract-ocr chromium
  gcc-mingw-w64-x86-64 nsis libx11-dev dbus-daemon socat postgresql cups cups-daemon cups-client
  wine wine64 wine32:i386 osslsigncode openssl
  fonts-urw-base35 fonts-droid-fallback fonts-freefont-ttf fonts-dseg
  fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming fonts-open-sans fonts-croscore
  espeak-ng espeak-ng-data)
WAILS_VERSION=$(awk '$1=="github.com/wailsapp/wails/v2"{print $2}' go.mod)
NODE_MIN=20.19

say() { echo "deps: $*" >&2; }

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    say "missing Debian packages (run as root, or install them): ${missing[*]}"
    exit 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # wine32:i386 (Wine's 32-bit half, which the 32-bit NSIS installer needs) is an i386 package.
  if [[ " ${missing[*]}" == *":i386"* ]] && ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
  fi
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v go >/dev/null || { say "Go is not installed (need the version in go.mod)"; exit 1; }
command -v node >/dev/null || { say "Node.js >= $NODE_MIN is not installed"; exit 1; }
node_v=$(node -p 'process.versions.node')
if ! node -e "const [a,b]=process.versions.node.split('.').map(Number);const [x,y]='$NODE_MIN'.split('.').map(Number);process.exit(a>x||(a==x&&b>=y)?0:1)"; then
  say "Node.js $node_v is too old: vite 8 needs >= $NODE_MIN"
  exit 1
fi

GOBIN=$(go env GOBIN); GOBIN=${GOBIN:-$(go env GOPATH)/bin}
have=$("$GOBIN/wails" version 2>/dev/null | head -1 || true)
if [[ $have != "$WAILS_VERSION" ]]; then
  say "installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

# staticcheck, pinned: a newer release may add checks that fail a build that passed.
STATICCHECK_VERSION=v0.8.2
if [[ $("$GOBIN/staticcheck" -version 2>/dev/null) != *"${STATICCHECK_VERSION#v}"* ]]; then
  say "installing staticcheck $STATICCHECK_VERSION"
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi

if [[ ! -f frontend/node_modules/.package-lock.json || frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
  say "npm ci"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
