"""Build real sites in temporary folders, with the repository's code and a chosen data set.

The data set is by default the *frozen seed* (tests/seed/data/): a copy of data/ as the
project started, kept still so that tests of the seed's facts (totals, counts, texts) do not
fail when staff add or change records in data/, which they do all the time. Tests that read
the live data/ (tests/test_live_data.py) check only what holds for any valid data.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The frozen seed: a project root whose data/ is load_dataset-able (load_dataset(SEED)).
SEED = REPO / "tests" / "seed"
SEED_DATA = SEED / "data"
LIVE_DATA = REPO / "data"
_SKELETON = ("mkdocs.yml", "mkdocs.en.yml", "hooks", "overrides", "content")


def make_project(dest: Path, data: dict[str, str] | None = None, content: bool = True,
                 data_from: Path = SEED_DATA) -> Path:
    """A project folder in dest: the repo's config, theme and pages, and the data of
    data_from (the frozen seed unless told otherwise) with the given files
    {stem: yaml text} on top of it."""
    for name in _SKELETON:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    (dest / "sitegen").symlink_to(REPO / "sitegen")  # mkdocs.yml watches it
    shutil.copytree(data_from, dest / "data")
    for stem, text in (data or {}).items():
        (dest / "data" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return dest


# Read only when a process starts: a build that sets them runs the command line in a child.
_CHILD_PROCESS_ONLY = {"PYTHONPATH", "TMPDIR"}


def build_project(root: Path, today: str | None = "2025-04-15", site_url: str | None = None,
                  command: str = "build", extra_env: dict | None = None,
                  in_process: bool | None = None) -> subprocess.CompletedProcess:
    """Build (or validate) a project folder, as `python -m sitegen COMMAND ROOT` does.

    A build runs in this process by default (sitegen_mkdocs.build.build(in_process=True)):
    then MkDocs' log records reach pytest, and the autouse fixture in conftest.py that fails a
    test on any unexpected warning sees them. Other commands, and builds whose extra_env must
    reach a new process, run the real command line in a child process."""
    changes = {"SITE_TODAY": today, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if in_process is None:
        in_process = command == "build" and not _CHILD_PROCESS_ONLY & set(extra_env or {})
    if in_process:
        return _build_in_process(root, changes)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    _apply(changes, env)
    return subprocess.run([sys.executable, "-m", "sitegen", command, str(root)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


@contextlib.contextmanager
def _environment(changes: dict[str, str | None]):
    """os.environ with changes applied (None: unset), restored afterwards."""
    saved = {name: os.environ.get(name) for name in changes}
    try:
        _apply(changes, os.environ)
        yield
    finally:
        _apply(saved, os.environ)


def _apply(changes: dict[str, str | None], env) -> None:
    """Set each variable in env (a dict or os.environ); None unsets it."""
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value


def _build_in_process(root: Path, changes: dict[str, str | None]) -> subprocess.CompletedProcess:
    from sitegen_mkdocs.build import build

    out, err = io.StringIO(), io.StringIO()
    with _environment(changes), contextlib.chdir(root), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        status = build(root, in_process=True)
    return subprocess.CompletedProcess(["sitegen build (in this process)", str(root)], status,
                                       out.getvalue(), err.getvalue())


def dataset_errors(dest: Path, **files: str) -> list:
    """The seed's data with some files replaced, loaded without MkDocs; every error of the run."""
    import pytest

    from sitegen.errors import DataErrors
    from sitegen.validate import load_dataset

    shutil.copytree(SEED_DATA, dest / "data")
    for stem, text in files.items():
        (dest / "data" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_dataset(dest)
    return exc.value.errors
