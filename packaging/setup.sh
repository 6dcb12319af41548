#!/usr/bin/env bash
# Sets up everything Hawamish needs on a Debian/Ubuntu machine, then runs it.
#
#   bash packaging/setup.sh [--verbose] run  [hawamish arguments]   install, then start the app
#   bash packaging/setup.sh [--verbose] test [pytest arguments]     install, then run the whole test suite
#
# Installs (only what is missing): Python 3.11+ with venv and pip, the system libraries Qt needs, Xvfb and
# poppler-utils (tests look at real windows and PDFs), a virtual environment in .venv with the package and
# its test tools (pytest, ruff, mypy), the compiled translations. Re-running is cheap: apt and pip are
# skipped when nothing changed. One line a step; --verbose shows each tool's own output, and a failing step
# names the file that holds its full log (docs/packaging.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VERBOSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    -v | --verbose) VERBOSE=1; shift ;;
    *) break ;;
  esac
done
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
PYTHON_PACKAGES=(python3 python3-venv python3-pip)

# the tools' own output; removed when set-up succeeds, named when a step fails
LOG="$(mktemp "${TMPDIR:-/tmp}/hawamish-setup.XXXXXX")"

log() { printf '\033[1mhawamish setup:\033[0m %s\n' "$*" >&2; }

# quiet CMD...: run a tool; its output goes to the log (and to the terminal with --verbose). On failure:
# its last lines, and where the whole log is.
quiet() {
  local status=0
  [ -f "$LOG" ] || LOG="$(mktemp "${TMPDIR:-/tmp}/hawamish-setup.XXXXXX")"
  echo "\$ $*" >>"$LOG"
  if [ "$VERBOSE" -eq 1 ]; then
    "$@" 2>&1 | tee -a "$LOG" >&2 || status=$?
  else
    "$@" >>"$LOG" 2>&1 || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    [ "$VERBOSE" -eq 1 ] || tail -n 15 "$LOG" | sed 's/^/    /' >&2
    log "failed: $* (exit status $status); the full log is $LOG"
    exit "$status"
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else
    log "please run as root, or install sudo: this step runs: $*"; exit 1
  fi
}

apt_install() {
  log "installing system packages: $*"
  quiet as_root apt-get update -q
  quiet as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

python_ok() {
  command -v "$1" >/dev/null && "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if python_ok "$candidate"; then PYTHON="$candidate"; return 0; fi
  done
  return 1
}

ensure_python() {
  if ! find_python; then
    command -v apt-get >/dev/null || { log "Python 3.11 or newer is needed, and this is not Debian/Ubuntu"; exit 1; }
    apt_install "${PYTHON_PACKAGES[@]}"
    find_python || {
      log "this system's python3 is $(python3 --version 2>&1 | cut -d' ' -f2); Hawamish needs 3.11 or newer"
      exit 1
    }
  fi
  log "Python $("$PYTHON" -c 'import platform; print(platform.python_version())') ($(command -v "$PYTHON"))"
}

install_system_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ! -x .venv/bin/python ] && ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
    missing+=(python3-venv)
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    log "system packages: all ${#APT_PACKAGES[@]} present"
  else
    apt_install "${missing[@]}"
  fi
}

install_python_packages() {
  [ -x .venv/bin/python ] || quiet "$PYTHON" -m venv .venv
  local stamp=.venv/.hawamish-installed want
  want="$(cat pyproject.toml setup.py | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages into .venv"
    quiet .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip "setuptools>=77"
    # no build isolation: an editable install needs only setuptools (packaging/build_translations.py
    # compiles the translations below; a wheel compiles them itself, setup.py)
    quiet .venv/bin/python -m pip install --disable-pip-version-check --no-build-isolation -e ".[test]"
    echo "$want" >"$stamp"
  else
    log "Python packages in .venv: up to date"
  fi
  local built
  built=$(.venv/bin/python packaging/build_translations.py --stale 2>>"$LOG") || {
    log "failed: packaging/build_translations.py; the full log is $LOG"; exit 1
  }
  if [ -n "$built" ]; then log "translations: $(echo "$built" | wc -l) compiled"; else log "translations: up to date"; fi
}

# a check of the test command: one line when it passes, its whole output when it fails
check() {
  local name="$1" output status=0
  shift
  output=$("$@" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || [ "$VERBOSE" -eq 1 ]; then echo "$output" >&2; fi
  if [ "$status" -ne 0 ]; then log "$name: failed"; exit "$status"; fi
  log "$name: ok"
}

# what these hawamish arguments start: the window, a screenshot of it, or a command (read by hawamish's own
# argument parser: no command is the window)
what_runs() {
  .venv/bin/python - "$@" <<'PY'
import contextlib, io, sys
from reader.cli import build_parser
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        args = build_parser().parse_args(sys.argv[1:])
    except SystemExit:  # --help, --version, a usage error: said by hawamish itself, no window
        args = None
if args is None or args.command not in (None, "gui"):
    print("command")
else:
    print("screenshot" if getattr(args, "screenshot", None) else "window")
PY
}

ensure_python
install_system_packages
install_python_packages
rm -f "$LOG"

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      case "$(what_runs "$@")" in
        command) ;; # a command of the command line (list, export, --version …) needs no screen
        screenshot)
          log "no display: rendering the window on a virtual screen (xvfb-run)"
          exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/hawamish "$@"
          ;;
        *)
          log "no display found: starting Hawamish on a virtual screen (xvfb-run); nothing will be visible here."
          log "stop it with Ctrl+C. To see it, run this on a desktop, or save a picture of the window:"
          log "  bash packaging/setup.sh run gui --screenshot hawamish.png"
          exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/hawamish "$@"
          ;;
      esac
    fi
    exec .venv/bin/hawamish "$@"
    ;;
  test)
    # the house rules first (cheap): lint, format, types; the import rules are a test (tests/test_import_rules.py)
    check "ruff check" .venv/bin/python -m ruff check reader tests benchmarks packaging
    check "ruff format" .venv/bin/python -m ruff format --check reader tests benchmarks packaging
    check "mypy" .venv/bin/python -m mypy # strict on reader/core, default on the rest (pyproject.toml [tool.mypy])
    # -p no:cacheprovider: CI clones are read-only where it matters; xdist spreads the suite over the cores
    status=0
    .venv/bin/python -m pytest -p no:cacheprovider -n "${HAWAMISH_TEST_WORKERS:-2}" "$@" || status=$?
    if [ "$status" -eq 5 ]; then log "pytest collected no tests: that is a failure"; exit 1; fi
    exit "$status"
    ;;
  *)
    echo "usage: bash packaging/setup.sh [--verbose] run|test [arguments]" >&2; exit 2 ;;
esac
