#!/usr/bin/env bash
# Renders the guide's screenshots (docs/guide.md, docs/guide.ar.md) with `hawamish gui --screenshot`, on the
# sample library a first start creates, under Xvfb, in English and Arabic. Run from the repository root after
# `packaging/setup.sh`: bash docs/images/make_screenshots.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="docs/images"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" HAWAMISH_CONFIG_DIR="$scratch/config"
shot() {  # shot NAME LANG [gui options...]
    local name="$1" lang="$2"
    shift 2
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/hawamish gui --lang "$lang" --size 1280x760 --screenshot "$out/$name-$lang.png" "$@"
}
for lang in en ar; do
    shot read "$lang"
    shot search "$lang" --search "الكلمات"
done
xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/images/make_dialog_screenshots.py
echo "screenshots in $out"
