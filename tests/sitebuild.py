"""Build real sites in temporary folders, with the repository's code and a chosen data set."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_SKELETON = ("mkdocs.yml", "mkdocs.en.yml", "hooks", "overrides", "content")


def make_project(dest: Path, data: dict[str, str] | None = None, content: bool = True) -> Path:
    """A project folder in dest: the repo's config, theme and pages, and either the
    repo's data (data=None) or the given files {stem: yaml text} on top of it."""
    for name in _SKELETON:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    (dest / "sitegen").symlink_to(REPO / "sitegen")  # mkdocs.yml watches it
    shutil.copytree(REPO / "data", dest / "data")
    for stem, text in (data or {}).items():
        (dest / "data" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return dest


def build_project(root: Path, today: str | None = "2025-04-15", site_url: str | None = None,
                  command: str = "build", extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line (python -m sitegen build) on a project folder."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("SITE_TODAY", None)
    env.pop("SITE_URL", None)
    if today:
        env["SITE_TODAY"] = today
    if site_url:
        env["SITE_URL"] = site_url
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "sitegen", command, str(root)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def dataset_errors(dest: Path, **files: str) -> list:
    """The repository's data with some files replaced, loaded without MkDocs; every error of the run."""
    import pytest

    from sitegen.errors import DataErrors
    from sitegen.validate import load_dataset

    shutil.copytree(REPO / "data", dest / "data")
    for stem, text in files.items():
        (dest / "data" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_dataset(dest)
    return exc.value.errors
