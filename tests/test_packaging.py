"""One reverse-DNS application id everywhere (STYLE 9): desktop file, AppStream metainfo, icon, the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

from reader import APP_ID
from tests.conftest import ROOT

DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "reader" / "resources" / "icons" / f"{APP_ID}.svg"


def test_desktop_file_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "hawamish"
    assert section["Name[ar]"] == "هوامش"
    if shutil.which("desktop-file-validate"):  # validated when the tool is there; never required
        result = subprocess.run(
            ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_metainfo_and_icon_use_the_same_id() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    assert root.findtext("icon") == APP_ID
    svg = ET.parse(ICON).getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox")
    if shutil.which("appstreamcli"):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(METAINFO)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
