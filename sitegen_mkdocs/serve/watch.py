"""Which files the preview rebuilds for, and whether any of them changed since last time.

Polling file times rather than OS notifications: a stat of every watched file takes well
under a millisecond at the seed's size (a few hundred files), works the same in containers,
on network drives and with editors that save by renaming a new file into place, and needs
no thread per folder."""
from __future__ import annotations

import os
from pathlib import Path

from ..configs import GENERATOR

# What a staff member edits: the records, the hand-written pages and the two MkDocs
# configurations of the project, and the generator's theme overrides. A change rebuilds both languages.
SITE_INPUTS = ("data", "content", "mkdocs.yml", "mkdocs.en.yml")  # in the project
THEME_INPUTS = ("overrides",)  # in the generator
# The generator's code that builds pages: the warm workers have it imported, so a change restarts them.
CODE = ("sitegen", "sitegen_mkdocs", "hooks")
_SKIPPED_FOLDERS = {"__pycache__"}

Snapshot = dict[str, tuple[int, int, int]]  # path -> (modification time ns, size, inode)


def site_inputs(root: Path) -> Snapshot:
    """What a change of rebuilds the preview of the project at root."""
    return {**snapshot(root, SITE_INPUTS), **snapshot(GENERATOR, THEME_INPUTS)}


def code() -> Snapshot:
    """The generator's code: what a change of restarts the workers."""
    return snapshot(GENERATOR, CODE)


def snapshot(root: Path, names: tuple[str, ...]) -> Snapshot:
    """Times and sizes of every file under root/name for each name (a file or a folder)."""
    found: Snapshot = {}
    for name in names:
        top = root / name
        if top.is_file():
            _add(found, str(top))
            continue
        for folder, subfolders, files in os.walk(top):  # a missing folder yields nothing
            subfolders[:] = [d for d in subfolders if d not in _SKIPPED_FOLDERS]
            for file in files:
                _add(found, os.path.join(folder, file))
    return found


def _add(found: Snapshot, path: str) -> None:
    try:
        st = os.stat(path)
    except OSError:  # removed between listing and stat: the next snapshot sees it gone
        return
    found[path] = (st.st_mtime_ns, st.st_size, st.st_ino)
