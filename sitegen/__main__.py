"""Command line: python -m sitegen validate | build | schemas"""
from __future__ import annotations

import sys
from pathlib import Path

from .build import build, generate_language, validate

USAGE = "usage: python -m sitegen validate|build|schemas [ROOT]"
# `validate ROOT --save-validated FILE` is how `build` validates in a child process, and
# `generate ROOT LANG FOLDER` how it makes each language's pages (build.py).
SAVE_OPTION = "--save-validated"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("validate", "build", "schemas", "generate"):
        print(USAGE, file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve() if len(argv) > 1 else Path.cwd()
    if argv[0] == "schemas":  # regenerate schemas/*.schema.json from the models
        from .schemas import write_schemas

        for path in write_schemas(root):
            print(path.relative_to(root))
        return 0
    if argv[0] == "generate" and len(argv) == 4:
        return generate_language(root, argv[2], Path(argv[3]))
    if argv[0] == "validate":
        save_to = Path(argv[3]) if len(argv) > 3 and argv[2] == SAVE_OPTION else None
        return validate(root, save_to)
    return build(root)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
