"""Check data files against their JSON Schema the way the editor does.

    python scripts/check_schema.py data/projects.yaml [more.yaml ...]

Reads each file as the YAML language server does (YAML 1.2), takes the schema named on
its first line (`# yaml-language-server: $schema=../schemas/<stem>.schema.json`) and
prints what the editor would underline, one 'file:line:column path: message' per line.
Exit status 1 when anything was found. `make validate` remains the full check.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitegen.schemas import schema_errors  # noqa: E402


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    status = 0
    for name in paths:
        for problem in schema_errors(Path(name)):
            print(f"{name}:{problem}")
            status = 1
    if status == 0:
        print(f"OK: {len(paths)} file(s) match their schema")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
