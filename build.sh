#!/usr/bin/env bash
# Gateway Doctor: build and test, on a fresh Debian/Ubuntu machine with nothing else to do.
#
#   ./build.sh          install what is missing, build dist/chrome, dist/firefox and the zips
#   ./build.sh test     build, then run every test suite and print one summary
#   ./build.sh bench    build, then run the benchmarks (see BENCHMARKS.md)
#   ./build.sh reproduce   build, then rebuild from the source archive and compare (BUILDING.md)
#   ./build.sh watch [chromium|firefox]   rebuild on change, run it in a throwaway profile
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
  command -v advzip >/dev/null 2>&1 || apt_install advancecomp
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
    # npm ci empties node_modules first: through a symlink (a worktree sharing another
    # checkout's node_modules) it would wipe the other checkout's tools.
    [ ! -L node_modules ] || die "node_modules is a symlink to $(readlink node_modules), installed for another package-lock.json: merge that lock file, or replace the link with a copy (cp -r) and run ./build.sh again"
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
  # Again from the file each time: ./build.sh watch builds more than once in one shell.
  WASM_ENV=()
  WASM_TOOLCHAIN=stable
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
  # openssl makes the e2e's test certificates; libnss3-tools' certutil puts their CA in the NSS
  # database Chromium reads ($HOME/.pki/nssdb): tests/e2e/lib/certs.mjs, lib/chromium.mjs.
  # The browsers' language files run the panel in German, French and Spanish
  # (tests/e2e/newuser.scenarios.mjs).
  apt_install chromium firefox-esr nginx unzip openssl libnss3-tools \
    chromium-l10n firefox-esr-l10n-de firefox-esr-l10n-fr firefox-esr-l10n-es-es
  if ! command -v geckodriver >/dev/null 2>&1; then
    say "installing geckodriver (cargo, a few minutes)"
    cargo install geckodriver --locked
  fi
}

# ------------------------------------------------------------------ building

# The one version: Cargo.toml's (tools/version.mjs), in both manifests, the zips and the core.
version() {
  node tools/version.mjs
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

# Reproducible zips: the same files give the same bytes. Entries in byte order, no directory
# entries, no extra fields (-X: no uid/gid, no extended timestamps), every mtime set to one
# fixed date (SOURCE_DATE_EPOCH when set, else 2020-01-01 UTC; zip stores local time, so TZ=UTC)
# and modes normalised (644, or 755 where executable) whatever the checkout's umask.
ZIP_EPOCH=${SOURCE_DATE_EPOCH:-1577836800}
repro_zip() { # repro_zip <dir> <zip>: <dir>'s files, paths relative to <dir>
  local dir=$1 out
  out=$(realpath -m "$2")
  rm -f "$out"
  (
    cd "$dir"
    find . -type f -perm /111 -exec chmod 755 {} +
    find . -type f ! -perm /111 -exec chmod 644 {} +
    find . -exec env TZ=UTC touch -h -d "@$ZIP_EPOCH" {} +
    find . -type f -printf '%P\n' | LC_ALL=C sort | TZ=UTC zip -qX9D "$out" -@
  )
}

# The store zips, recompressed with zopfli (advancecomp's advzip): the same entries, names,
# dates and order, plain deflate any unzip reads, about 4% smaller than zip -9 and as
# deterministic (the same input gives the same bytes).
store_zip() { # store_zip <dir> <zip>
  repro_zip "$1" "$2"
  advzip -q -z -4 -i 15 "$2"
}

# The files of the source archive: what git tracks (in a checkout), else every file here but
# the outputs (in an unzipped source archive, which has no .git). No node_modules, target, dist.
source_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    local f
    git ls-files -z | while IFS= read -r -d '' f; do
      if [ -f "$f" ]; then printf '%s\n' "$f"; fi
    done
  else
    find . \( -path ./node_modules -o -path ./target -o -path ./dist -o -path ./.git \) -prune -o \
      \( -type f -o -type l \) -printf '%P\n'
  fi | grep -v -e '^node_modules$' -e '^node_modules/' | LC_ALL=C sort
}

# dist/gateway-doctor-<version>-source.zip, for addons.mozilla.org's review of the wasm: one
# folder gateway-doctor-<version>/ with the sources, BUILDING.md says how to rebuild.
source_zip() {
  local v stage
  v=$(version)
  stage=target/source/gateway-doctor-$v
  rm -rf target/source
  mkdir -p "$stage"
  source_files | tar -cf - -T - | tar -xf - -C "$stage"
  repro_zip target/source "dist/gateway-doctor-$v-source.zip"
}

assemble() {
  local v b
  v=$(version)
  for b in chrome firefox; do
    rm -rf "dist/$b"
    mkdir -p "dist/$b/pkg"
    cp -R extension/. "dist/$b/"
    node tools/manifest.mjs "$b" manifest.json "dist/$b/manifest.json"
    cp target/pkg/gateway_doctor.js target/pkg/gateway_doctor_bg.wasm "dist/$b/pkg/"
    # the glue's JavaScript helpers (src/bindings/decode.rs's `inline_js`)
    cp -R target/pkg/snippets "dist/$b/pkg/"
    node tools/pack-js.mjs "dist/$b"
    node tools/panel-script.mjs "dist/$b"
    node tools/pack-locales.mjs "dist/$b"
    store_zip "dist/$b" "dist/gateway-doctor-$v-$b.zip"
    # The store package keeps dev.js as in the source (DEV false); the unpacked build is a
    # developer build (the tests' time-scale works there).
    printf '%s\n' '// Written by build.sh: a developer build.' 'export const DEV = true;' >"dist/$b/dev.js"
  done
  source_zip
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
    dist/gateway-doctor-$v-source.zip     the sources for addons.mozilla.org's review (BUILDING.md)
EOF
}

# ------------------------------------------------------------------ the contributor's loop

# ./build.sh watch [chromium|firefox]: builds, starts the browser with the extension in a
# throwaway profile, and on every change under extension/, src/, tools/, manifest.json,
# Cargo.toml or Cargo.lock (polled each second with find -newer) builds again and restarts the
# browser with the new build. Ctrl+C stops both. GD_WATCH_ARGS adds flags to the browser
# (e.g. GD_WATCH_ARGS=--headless=new on a machine without a display).
WATCH_PID=
WATCH_PROFILE=
watch_start() {
  case $1 in
    chromium)
      setsid chromium --user-data-dir="$WATCH_PROFILE" --no-first-run --no-default-browser-check \
        --disable-extensions-except="$ROOT/dist/chrome" --load-extension="$ROOT/dist/chrome" \
        ${GD_WATCH_ARGS:-} chrome://extensions &
      ;;
    firefox)
      # web-ext makes its own temporary profile and removes it on exit. Host access is granted
      # at install (MV3 makes it opt-in in Firefox), as a person would in about:addons.
      setsid web-ext run --source-dir dist/firefox --no-reload --no-config-discovery \
        --firefox="$(command -v firefox-esr || command -v firefox)" \
        --pref=extensions.originControls.grantByDefault=true \
        ${GD_WATCH_ARGS:+--arg="$GD_WATCH_ARGS"} --start-url about:debugging#/runtime/this-firefox &
      ;;
  esac
  # Its own process group (setsid), so that stopping it stops the browser web-ext started too.
  WATCH_PID=$!
  say "$1 started (pid $WATCH_PID); watching for changes"
}

watch_stop() {
  if [ -n "$WATCH_PID" ]; then
    kill -TERM -- "-$WATCH_PID" 2>/dev/null || true
    wait "$WATCH_PID" 2>/dev/null || true
  fi
  WATCH_PID=
}

watch_loop() {
  local browser=${1:-chromium} stamp
  case $browser in chromium | firefox) ;; *) die "usage: ./build.sh watch [chromium|firefox]" ;; esac
  if [ "$browser" = chromium ]; then command -v chromium >/dev/null 2>&1 || apt_install chromium; fi
  if [ "$browser" = firefox ]; then command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || apt_install firefox-esr; fi
  mkdir -p target
  stamp=target/.watch-stamp
  WATCH_PROFILE=$(mktemp -d)
  trap 'watch_stop; rm -rf "$WATCH_PROFILE" "$stamp"' EXIT
  trap 'exit 130' INT TERM
  touch "$stamp"
  build
  watch_start "$browser"
  while sleep 1; do
    [ -n "$(find extension src tools manifest.json Cargo.toml Cargo.lock -newer "$stamp" -print -quit 2>/dev/null)" ] || continue
    touch "$stamp"
    say "changed: building again"
    if (build >/dev/null); then
      say "built; restarting $browser"
      watch_stop
      watch_start "$browser"
    else
      say "the build failed; the browser keeps the last good build"
    fi
  done
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

# The source archive rebuilds the same bytes: unzipped in a temporary directory, its own
# ./build.sh (with its own target/, so the wasm really is compiled again, std included) must
# give a byte-identical wasm and byte-identical zips. It reuses this machine's toolchains and
# cargo registry, and this checkout's node_modules through a symlink (the same
# package-lock.json, so no npm ci).
source_rebuilds() {
  local v tmp src f ok=0
  v=$(version)
  tmp=$(mktemp -d)
  unzip -q "dist/gateway-doctor-$v-source.zip" -d "$tmp"
  src=$tmp/gateway-doctor-$v
  ln -s "$ROOT/node_modules" "$src/node_modules"
  if ! (cd "$src" && env -u CARGO_TARGET_DIR nice ./build.sh >"$tmp/build.log" 2>&1); then
    tail -n 30 "$tmp/build.log"
    rm -rf "$tmp"
    return 1
  fi
  if cmp "dist/chrome/pkg/gateway_doctor_bg.wasm" "$src/dist/chrome/pkg/gateway_doctor_bg.wasm"; then
    echo "wasm: byte-identical ($(wc -c <"$src/dist/chrome/pkg/gateway_doctor_bg.wasm") bytes)"
  else
    ok=1
  fi
  for f in chrome firefox source; do
    f=gateway-doctor-$v-$f.zip
    if cmp -s "dist/$f" "$src/dist/$f"; then
      echo "$f: byte-identical ($(unzip -Z1 "dist/$f" | wc -l) files)"
    else
      ok=1
      echo "$f: differs"
      diff <(unzip -Zv "dist/$f" | grep -E '^Central directory entry|file last modified|32-bit CRC|uncompressed size') \
        <(unzip -Zv "$src/dist/$f" | grep -E '^Central directory entry|file last modified|32-bit CRC|uncompressed size') | head -n 20
    fi
  done
  rm -rf "$tmp"
  return "$ok"
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
  suite "store: the promotional tile (tools/store-tile.mjs)" node tools/store-tile.mjs
  suite "eslint (extension/)" eslint extension
  suite "tsc --noEmit (every extension/*.js, JSDoc types)" tsc --noEmit -p tsconfig.json
  suite "node: the built wasm, locales, store listings, one version" node --test tests/node/
  suite "web-ext lint (dist/firefox)" web_ext_lint
  suite "the source archive rebuilds the same bytes" source_rebuilds
  suite "end-to-end: chromium" node --test --test-concurrency=1 tests/e2e/chromium.test.mjs
  suite "end-to-end: firefox" node --test --test-concurrency=1 tests/e2e/firefox.test.mjs
  suite "end-to-end: chromium, auto-retry and watch" node --test --test-concurrency=1 tests/e2e/chromium-retry.test.mjs
  suite "end-to-end: firefox, auto-retry and watch" node --test --test-concurrency=1 tests/e2e/firefox-retry.test.mjs
  suite "one-click fixes: chromium" node --test --test-concurrency=1 tests/e2e/chromium-actions.test.mjs
  suite "accessibility: chromium" node --test --test-concurrency=1 tests/e2e/chromium-a11y.test.mjs
  suite "one-click fixes: firefox" node --test --test-concurrency=1 tests/e2e/firefox-actions.test.mjs
  suite "accessibility: firefox" node --test --test-concurrency=1 tests/e2e/firefox-a11y.test.mjs
  suite "nothing a page can drive: chromium" node --test --test-concurrency=1 tests/e2e/chromium-isolation.test.mjs
  suite "nothing a page can drive: firefox" node --test --test-concurrency=1 tests/e2e/firefox-isolation.test.mjs
  suite "the person's side: chromium" node --test --test-concurrency=1 tests/e2e/chromium-person.test.mjs
  suite "the person's side: firefox" node --test --test-concurrency=1 tests/e2e/firefox-person.test.mjs
  suite "a new user's failures: chromium" node --test --test-concurrency=1 tests/e2e/chromium-newuser.test.mjs
  suite "a new user's failures: firefox" node --test --test-concurrency=1 tests/e2e/firefox-newuser.test.mjs
  suite "every button: chromium" node --test --test-concurrency=1 tests/e2e/chromium-buttons.test.mjs
  suite "every button: firefox" node --test --test-concurrency=1 tests/e2e/firefox-buttons.test.mjs
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
  reproduce)
    build
    command -v unzip >/dev/null 2>&1 || apt_install unzip
    source_rebuilds
    ;;
  watch) watch_loop "${2:-chromium}" ;;
  *) die "usage: ./build.sh [build|test|bench|reproduce|watch [chromium|firefox]]" ;;
esac
