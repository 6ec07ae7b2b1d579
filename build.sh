#!/usr/bin/env bash
# Gateway Doctor: build and test, on a fresh Debian/Ubuntu machine with nothing else to do.
#
#   ./build.sh          install what is missing, build dist/chrome, dist/firefox and the zips
#   ./build.sh test     build, then run every test suite and print one summary
#   ./build.sh bench    build, then run the benchmarks (see BENCHMARKS.md)
#
# Browser differences are made here (the manifest per browser) and in extension/shim.js.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}

# ------------------------------------------------------------------ installing what is missing

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

APT_UPDATED=
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages: ${missing[*]}; install them with your package manager"
  as_root true || die "missing packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}"
  say "installing ${missing[*]} (apt)"
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -q >/dev/null
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

pinned_bindgen() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml
}

ensure_build_tools() {
  command -v cargo >/dev/null 2>&1 || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
  command -v zip >/dev/null 2>&1 || apt_install zip
  command -v node >/dev/null 2>&1 || apt_install nodejs npm
  command -v npm >/dev/null 2>&1 || apt_install npm
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want=$(pinned_bindgen)
  [ -n "$want" ] || die "Cargo.toml must pin wasm-bindgen = \"=X.Y.Z\""
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (cargo, a few minutes)"
    # Not --locked: one of its locked dependencies is no longer in the registry.
    cargo install wasm-bindgen-cli --version "=$want" --force
  fi
  if ! command -v wasm-pack >/dev/null 2>&1; then
    say "installing wasm-pack (cargo, a few minutes)"
    cargo install wasm-pack --locked
  fi
  load_wasm_env
  ensure_wasm_toolchain
  # npm ci when the lock file changed since the last install.
  if [ ! -f node_modules/.gd-lock ] || ! cmp -s package-lock.json node_modules/.gd-lock; then
    say "installing the Node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.gd-lock
  fi
}

# The wasm's toolchain and flags: tools/wasm-nightly.env (a pinned nightly, build-std, panics
# that only trap). GD_WASM_TOOLCHAIN=stable builds it on stable instead (about 10 KB gzip more).
WASM_ENV=()
WASM_TOOLCHAIN=stable
load_wasm_env() {
  [ "${GD_WASM_TOOLCHAIN:-}" = stable ] && return 0
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    WASM_ENV+=("$line")
    case $line in RUSTUP_TOOLCHAIN=*) WASM_TOOLCHAIN=${line#RUSTUP_TOOLCHAIN=} ;; esac
  done <tools/wasm-nightly.env
  [ "$WASM_TOOLCHAIN" != stable ] || die "tools/wasm-nightly.env must set RUSTUP_TOOLCHAIN"
}

ensure_wasm_toolchain() {
  [ "$WASM_TOOLCHAIN" = stable ] && return 0
  if rustup component list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src' &&
    rustup target list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    return 0
  fi
  say "installing $WASM_TOOLCHAIN with rust-src for the wasm build (rustup, about 150 MB)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown ||
    die "could not install $WASM_TOOLCHAIN; GD_WASM_TOOLCHAIN=stable ./build.sh builds the wasm on stable"
}

ensure_test_tools() {
  apt_install chromium firefox-esr nginx
  if ! command -v geckodriver >/dev/null 2>&1; then
    say "installing geckodriver (cargo, a few minutes)"
    cargo install geckodriver --locked
  fi
}

# ------------------------------------------------------------------ building

version() {
  node -p "require('./manifest.json').version"
}

build_core() {
  local stamp=target/pkg/.stamp mode
  # The stamp holds the toolchain and flags: switching them rebuilds.
  mode=$(printf '%s\n' "$WASM_TOOLCHAIN" "${WASM_ENV[@]}")
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$mode" ] &&
    [ -z "$(find src Cargo.toml Cargo.lock -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    say "core is up to date"
    return 0
  fi
  say "building the core (wasm-pack, release, $WASM_TOOLCHAIN)"
  env "${WASM_ENV[@]}" wasm-pack --quiet build --target web --release --mode no-install --no-pack \
    --out-dir target/pkg --out-name gateway_doctor
  # Debian's wasm-opt breaks wasm-bindgen's externref table: use npm's binaryen.
  # Inlining only tiny functions into their one caller leaves a wasm that is ~2 KiB larger
  # raw but ~3 KiB smaller gzipped; the producers and target_features sections are for
  # tools only.
  say "optimising the wasm (binaryen wasm-opt -Oz)"
  "$ROOT/node_modules/.bin/wasm-opt" -Oz --converge --one-caller-inline-max-function-size=20 \
    --strip-producers --strip-target-features \
    target/pkg/gateway_doctor_bg.wasm -o target/pkg/gateway_doctor_bg.wasm
  printf '%s\n' "$mode" >"$stamp"
}

assemble() {
  local v b
  v=$(version)
  for b in chrome firefox; do
    rm -rf "dist/$b"
    mkdir -p "dist/$b/pkg"
    cp -R extension/. "dist/$b/"
    node tools/manifest.mjs "$b" manifest.json "dist/$b/manifest.json"
    node tools/panel-script.mjs "dist/$b"
    cp target/pkg/gateway_doctor.js target/pkg/gateway_doctor_bg.wasm "dist/$b/pkg/"
    rm -f "dist/gateway-doctor-$v-$b.zip"
    # The store package: dev.js as in the source (DEV false); the unpacked build is a
    # developer build (the tests' time-scale works there).
    (cd "dist/$b" && zip -qrX9 "../gateway-doctor-$v-$b.zip" .)
    printf '%s\n' '// Written by build.sh: a developer build.' 'export const DEV = true;' >"dist/$b/dev.js"
  done
}

build() {
  ensure_build_tools
  build_core
  assemble
  local v
  v=$(version)
  cat <<EOF
==> built
    dist/chrome/                           unpacked: chrome://extensions, Developer mode, "Load unpacked"
    dist/firefox/                          unpacked: about:debugging#/runtime/this-firefox, "Load Temporary Add-on", pick manifest.json
    dist/gateway-doctor-$v-chrome.zip     for the Chrome Web Store
    dist/gateway-doctor-$v-firefox.zip    for addons.mozilla.org
EOF
}

# ------------------------------------------------------------------ testing

RESULTS=()
FAILED=0
suite() {
  local name=$1
  shift
  say "suite: $name"
  local start=$SECONDS
  if "$@"; then
    RESULTS+=("PASS  $name ($((SECONDS - start)) s)")
  else
    RESULTS+=("FAIL  $name ($((SECONDS - start)) s)")
    FAILED=$((FAILED + 1))
  fi
}

web_ext_lint() {
  # Errors fail the suite; warnings are printed.
  web-ext lint --source-dir dist/firefox --output json --no-config-discovery >target/web-ext-lint.json || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync("target/web-ext-lint.json", "utf8"));
    for (const k of ["errors", "warnings", "notices"])
      for (const m of r[k] || []) console.log(`${k.slice(0, -1)}: ${m.code} ${m.file || ""} ${m.message}`);
    console.log(`web-ext lint: ${r.count} messages, ${r.summary.errors} errors, ${r.summary.warnings} warnings`);
    process.exit(r.summary.errors ? 1 : 0);
  '
}

run_tests() {
  build
  ensure_test_tools
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  mkdir -p target
  suite "cargo fmt --check" cargo fmt --check
  suite "cargo clippy" cargo clippy --all-targets --quiet -- -D warnings
  suite "cargo test" cargo test --quiet
  suite "eslint (extension/)" eslint extension
  suite "tsc --noEmit (files with // @ts-check)" tsc --noEmit -p tsconfig.json
  suite "node smoke test of the built wasm" node --test tests/node/
  suite "web-ext lint (dist/firefox)" web_ext_lint
  suite "end-to-end: chromium" node --test --test-concurrency=1 tests/e2e/chromium.test.mjs
  suite "end-to-end: firefox" node --test --test-concurrency=1 tests/e2e/firefox.test.mjs
  suite "end-to-end: chromium, auto-retry and watch" node --test --test-concurrency=1 tests/e2e/chromium-retry.test.mjs
  suite "end-to-end: firefox, auto-retry and watch" node --test --test-concurrency=1 tests/e2e/firefox-retry.test.mjs
  suite "one-click fixes: chromium" node --test --test-concurrency=1 tests/e2e/chromium-actions.test.mjs
  suite "accessibility: chromium" node --test --test-concurrency=1 tests/e2e/chromium-a11y.test.mjs
  suite "one-click fixes: firefox" node --test --test-concurrency=1 tests/e2e/firefox-actions.test.mjs
  suite "accessibility: firefox" node --test --test-concurrency=1 tests/e2e/firefox-a11y.test.mjs
  echo
  echo "==> summary"
  printf '    %s\n' "${RESULTS[@]}"
  echo "suites: $((${#RESULTS[@]} - FAILED)) passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  bench)
    build
    ensure_test_tools
    node tools/bench.mjs
    ;;
  *) die "usage: ./build.sh [build|test|bench]" ;;
esac
