#!/usr/bin/env bash
# Installs what building GroupChart needs and is missing: libcmark (Debian
# libcmark-dev, Homebrew cmark) and pkg-config, which SwiftPM uses to find it,
# and on Linux the mimalloc allocator (Debian libmimalloc-dev), which takes
# the place of glibc's malloc (docs/performance.md). macOS keeps its own.
# Swift itself must already be installed (https://swift.org/install).
set -euo pipefail

say() { printf 'groupchart setup: %s\n' "$*"; }

if ! command -v swift >/dev/null 2>&1; then
  say "Swift is not installed: install Swift 6 from https://swift.org/install, then run make again."
  exit 1
fi

have_cmark() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark; }
# Debian's libmimalloc-dev has no pkg-config file: its header is looked for.
have_mimalloc() {
  [ "$(uname -s)" != "Linux" ] && return 0
  for dir in /usr/include /usr/local/include; do [ -f "$dir/mimalloc.h" ] && return 0; done
  return 1
}
# `--cmark-cli`: also the cmark command, the benchmark's reference.
want_cli=false
[ "${1:-}" = "--cmark-cli" ] && want_cli=true
have_cli() { ! $want_cli || command -v cmark >/dev/null 2>&1; }
have_cmark && have_mimalloc && have_cli && exit 0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    say "need root to run: $*"; exit 1
  fi
}

if command -v apt-get >/dev/null 2>&1; then
  say "installing libcmark-dev, libmimalloc-dev and pkg-config with apt-get"
  packages="libcmark-dev libmimalloc-dev pkg-config"
  $want_cli && packages="$packages cmark"
  as_root apt-get install -y -q $packages >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q $packages >/dev/null; }
elif command -v brew >/dev/null 2>&1; then
  say "installing cmark and pkg-config with Homebrew"
  brew install cmark pkgconf >/dev/null
else
  say "libcmark or mimalloc is missing: install them with your package manager (Debian: libcmark-dev and libmimalloc-dev, Homebrew: cmark) and pkg-config."
  exit 1
fi

have_cmark || { say "libcmark is still not found by pkg-config (pkg-config --exists libcmark)"; exit 1; }
have_mimalloc || { say "mimalloc.h is still not found (Debian: libmimalloc-dev)"; exit 1; }
say "libcmark $(pkg-config --modversion libcmark) is ready"
