#!/usr/bin/env bash
# Installs what building and testing sovcheck needs, and only what is missing.
# Idempotent: a few seconds when everything is present. Never downloads from anywhere but
# the package registries (crates.io, npm, Debian): Trunk runs offline and finds the tools
# on PATH. On failure it prints one line naming what could not be installed.
set -uo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14   # 0.22.x needs rustc >= 1.96.1; this machine kind has 1.95
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

log() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: FAILED: %s\n' "$*" >&2; exit 1; }
quiet() { # run a command, show its output only if it fails
  local out
  if ! out=$("$@" 2>&1); then printf '%s\n' "$out" | tail -n 20 >&2; return 1; fi
}

command -v cargo >/dev/null || fail "cargo is not installed (install Rust with rustup first)"
command -v npm >/dev/null || fail "npm is not installed (Node.js 20 is required)"

# The wasm-bindgen CLI must be exactly the version in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || fail "could not read the wasm-bindgen version from Cargo.lock"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  quiet rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32-unknown-unknown target"
fi

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v pdftotext >/dev/null || apt_missing+=(poppler-utils)
command -v brotli >/dev/null || apt_missing+=(brotli)
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "installing from Debian: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  quiet $SUDO apt-get update -qq || fail "apt-get update failed (is the Debian mirror reachable?)"
  DEBIAN_FRONTEND=noninteractive quiet $SUDO apt-get install -y -qq "${apt_missing[@]}" \
    || fail "apt-get could not install: ${apt_missing[*]}"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION from crates.io (about 13 minutes on 2 cores)"
  quiet cargo install --locked "trunk@$TRUNK_VERSION" || fail "cargo could not install trunk $TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION from crates.io (about 4 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release the registry mirror lacks.
  quiet cargo install --force "wasm-bindgen-cli@$WB_VERSION" \
    || fail "cargo could not install wasm-bindgen-cli $WB_VERSION"
fi

# npm dev tools: wasm-opt (binaryen 132; Debian's is too old for current rustc output),
# playwright-core (drives Debian's Chromium, never downloads a browser) and axe-core.
if ! npm ls --silent >/dev/null 2>&1 || [ ! -x node_modules/.bin/wasm-opt ]; then
  log "installing npm dev tools from package-lock.json"
  quiet npm ci --no-audit --no-fund || fail "npm ci could not install the dev tools in package-lock.json"
fi
node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
  || fail "wasm-opt 132 (npm binaryen) is not usable"

quiet cargo fetch --locked || fail "cargo could not fetch the crates in Cargo.lock"
log "ready (trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, $(chromium --version 2>/dev/null | head -n1))"
