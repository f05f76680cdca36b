"""`python -m sitegen new DIR`: a starter project for another program.

The starter (the folder starter/ beside this file) holds what a project owns: data/*.yaml
with one example record of each kind (marked 例 / Example) and site settings with
placeholders, the hand-written pages in both languages, and the two MkDocs configurations
without hooks or theme. The generator's code, hooks and theme overrides stay here and are used
by `python -m sitegen build DIR` (configs.py). The editor schemas (schemas/*.schema.json, named
by the first line of each data file) are written fresh from the models, as
`python -m sitegen schemas DIR` rewrites them after the generator changes.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sitegen.schemas import write_schemas

STARTER = Path(__file__).resolve().parent / "starter"


def write_starter(dest: Path) -> int:
    """Write the starter project into dest (a new or empty folder); returns the exit status."""
    shutil.copytree(STARTER, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    write_schemas(dest)
    print(f"ひな形を作りました: {dest}\n"
          f"  data/site.yaml の【…】と、data/*.yaml の(例)の記録、content/ のページを書き換えてから\n"
          f"  python -m sitegen build {dest} で作成します。\n"
          f"starter project written to {dest}: replace the [...] in data/site.yaml, the (Example) records\n"
          f"  in data/*.yaml and the pages in content/, then build it with python -m sitegen build {dest}",
          file=sys.stderr)
    return 0
