#!/usr/bin/env bash
# Builds a one-folder PyInstaller bundle of Hawamish in dist/hawamish/ and smoke-tests it (opt-in: not in CI).
#
#   bash packaging/build_bundle.sh            build (in its own virtual environment, build/bundle-venv), test
#
# The bundle runs on a machine of the same kind (Linux, x86-64, glibc at least this one's) without Python.
# The smoke test: `hawamish --version`, and a first start (sample library) rendered offscreen in Arabic and
# in English into dist/hawamish-ar.png and dist/hawamish-en.png. Timing and size: docs/packaging.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
VENV=build/bundle-venv
log() { printf 'hawamish bundle: %s\n' "$*" >&2; }
started=$SECONDS

if [ ! -x "$VENV/bin/python" ]; then
  log "creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
log "installing Hawamish and PyInstaller into $VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip "setuptools>=77" "pyinstaller>=6.10,<7"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-build-isolation -e .
"$VENV/bin/python" packaging/build_translations.py --stale >/dev/null

log "running PyInstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/hawamish.spec
bundle=dist/hawamish
log "built $bundle in $((SECONDS - started)) s: $(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files"

log "smoke test"
"$bundle/hawamish" --version
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
for lang in ar en; do
  # a fresh config and data folder: the first start, which creates the sample library
  QT_QPA_PLATFORM=offscreen HAWAMISH_CONFIG_DIR="$home/$lang/config" XDG_DATA_HOME="$home/$lang/data" \
    "$bundle/hawamish" gui --lang "$lang" --screenshot "dist/hawamish-$lang.png" 2> >(grep -v propagateSizeHints >&2)
  articles=$("$bundle/hawamish" --library "$home/$lang/data/hawamish/library" list --json | grep -c '"id"')
  [ "$articles" -ge 3 ] || { log "the sample library has $articles articles"; exit 1; }
  log "gui --lang $lang: dist/hawamish-$lang.png ($(du -k "dist/hawamish-$lang.png" | cut -f1) kB), $articles articles"
done
log "done in $((SECONDS - started)) s"
