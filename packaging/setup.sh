#!/usr/bin/env bash
# Sets up everything Hawamish needs on a Debian/Ubuntu machine with Python 3.11+, then runs it.
#
#   bash packaging/setup.sh run  [hawamish arguments]   install, then start the app
#   bash packaging/setup.sh test [pytest arguments]     install, then run the whole test suite
#
# Installs (only what is missing): the system libraries Qt needs, Xvfb and poppler-utils (tests look at real
# windows and PDFs), a virtual environment in .venv with the package and its test tools (pytest, ruff, mypy),
# the compiled translations. Re-running is cheap: apt and pip are skipped when nothing changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-run}"
[ $# -gt 0 ] && shift

APT_PACKAGES=(
  # Qt needs these even offscreen
  libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
  # a real window (xcb)
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0
  # a virtual screen for machines without one, and for the tests that start the real app
  xvfb xauth
  # pdftotext, pdffonts, pdftoppm: the tests read every PDF we write back
  poppler-utils
  fonts-dejavu-core
)

log() { printf '\033[1mhawamish setup:\033[0m %s\n' "$*" >&2; }

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
    missing+=("python3-venv")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      log "please install as root: apt-get install ${missing[*]}"; exit 1
    fi
  fi
  log "installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PYTHON="$candidate"; return 0
    fi
  done
  log "Python 3.11 or newer is needed (apt-get install python3)"; exit 1
}

install_python_packages() {
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  local stamp=.venv/.hawamish-installed want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages into .venv"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[test]"
    echo "$want" >"$stamp"
  fi
  if [ -f packaging/build_translations.py ]; then
    .venv/bin/python packaging/build_translations.py
  fi
}

find_python
install_system_packages
install_python_packages

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      log "no display found: starting Hawamish on a virtual screen (xvfb-run); nothing will be visible here."
      log "to see it, run this on a desktop, or save a picture: bash packaging/setup.sh run gui --screenshot hawamish.png"
      exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/hawamish "$@"
    fi
    exec .venv/bin/hawamish "$@"
    ;;
  test)
    # the house rules first (cheap): lint, format, types; the import rules are a test (tests/test_import_rules.py)
    .venv/bin/python -m ruff check reader tests benchmarks packaging
    .venv/bin/python -m ruff format --check reader tests benchmarks packaging
    .venv/bin/python -m mypy  # strict on reader/core, default on the rest (pyproject.toml [tool.mypy])
    # -p no:cacheprovider: CI clones are read-only where it matters; xdist spreads the suite over the cores
    status=0
    .venv/bin/python -m pytest -p no:cacheprovider -n "${HAWAMISH_TEST_WORKERS:-2}" "$@" || status=$?
    if [ "$status" -eq 5 ]; then log "pytest collected no tests: that is a failure"; exit 1; fi
    exit "$status"
    ;;
  *)
    echo "usage: bash packaging/setup.sh run|test [arguments]" >&2; exit 2 ;;
esac
