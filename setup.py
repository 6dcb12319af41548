"""The one build step pyproject.toml cannot declare: compile i18n/*.ts into the wheel's reader/resources/i18n.

Everything else (metadata, packages, package data) is in pyproject.toml. The translations are built, never
committed (STYLE 8): `build_py` runs lrelease (from PySide6, a build requirement) on the sources, so a wheel
made offline (`pip wheel --no-build-isolation .`) or by pip from the sdist carries the .qm files. An editable
install skips it: packaging/setup.sh compiles them in place (docs/packaging.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        # loaded by path: the folder is named `packaging`, like the PyPI module setuptools itself imports
        spec = importlib.util.spec_from_file_location(
            "build_translations", HERE / "packaging" / "build_translations.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        target = Path(self.build_lib) / "reader" / "resources" / "i18n"
        for qm in module.compile_all(target):
            self.announce(f"compiled {qm.name}", level=2)


setup(cmdclass={"build_py": BuildPyWithTranslations})
