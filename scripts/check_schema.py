"""Check data files against their JSON Schema the way the editor does.

    python scripts/check_schema.py data/projects.yaml [more.yaml ...]

Reads each file as the YAML language server does (YAML 1.2), takes the schema named on
its first line (`# yaml-language-server: $schema=../schemas/<stem>.schema.json`) and
prints what the editor would underline, one 'file:line:column path: message' per line.
Ends with one line saying how it went. Exit status 1 when anything was found, 2 when
no file was named. `make validate` remains the full check.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitegen.errors import DataErrors  # noqa: E402
from sitegen.schemas import schema_errors  # noqa: E402


def problems_in(name: str) -> list[str]:
    """What the editor would underline in one file; a file that cannot be read at all
    (missing, its schema missing, not YAML) gives one line saying so instead of a traceback."""
    try:
        return schema_errors(Path(name))
    except FileNotFoundError as exc:
        return [f"1:1: ファイルがありません: {exc.filename} / file not found: {exc.filename}"]
    except (yaml.YAMLError, DataErrors):
        return ["1:1: YAMLとして読めません。make validate で詳しい説明を表示します / "
                "not readable as YAML; make validate says why"]


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        print("確認するファイルを指定してください / name the file(s) to check", file=sys.stderr)
        return 2
    found = 0
    for name in paths:
        for problem in problems_in(name):
            print(f"{name}:{problem}")
            found += 1
    if found:
        print(f"問題が{found}件見つかりました / {found} problem(s) found")
        return 1
    print(f"OK: {len(paths)}ファイルともスキーマに合っています / OK: {len(paths)} file(s) match their schema")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
