"""The core (sitegen/: load, validate, turn records into page content) knows nothing of its host:
importing every module of it loads neither MkDocs nor Pagefind, nor the adapter (sitegen_mkdocs/)
that builds with them. Only the command line (sitegen/__main__.py) may reach the adapter.

Each check runs in a fresh interpreter: this test process has long imported MkDocs for others.
"""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import sitegen
from tests.sitebuild import REPO

HOST_MODULES = ("mkdocs", "material", "pagefind", "pagefind_bin_extended", "sitegen_mkdocs")
COMMAND_LINE = "sitegen.__main__"


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(sitegen.__path__, prefix="sitegen.")]
    return sorted(n for n in names if n != COMMAND_LINE)


def _loaded_after_importing(modules: list[str]) -> list[str]:
    """The host modules (and their submodules) loaded by importing `modules` in a new Python."""
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"hosts = {HOST_MODULES!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in hosts)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_core_modules_are_found():
    """The list is the package's own: it holds the loader, the validation and the page sections."""
    modules = core_modules()
    for expected in ("sitegen.yamlload", "sitegen.validate", "sitegen.sections", "sitegen.render", "sitegen.pages"):
        assert expected in modules
    assert not [m for m in modules if m.startswith(("sitegen.build", "sitegen.generated", "sitegen.search",
                                                    "sitegen.postbuild", "sitegen.serve"))]


def test_importing_the_core_loads_no_mkdocs_nor_pagefind():
    assert _loaded_after_importing(core_modules()) == []


def test_the_check_sees_an_import_of_the_host():
    """The same check does fail when MkDocs is loaded: the adapter's hooks import it."""
    loaded = _loaded_after_importing(["sitegen_mkdocs.build", "mkdocs.structure.files"])
    assert "mkdocs" in loaded and "sitegen_mkdocs.build" in loaded
