"""The MkDocs configuration one language is built with.

A project (this repository, or one made by `python -m sitegen new`) holds its data, its
hand-written pages and its settings (mkdocs.yml, mkdocs.en.yml); the hooks and the theme
overrides belong to the generator and are not copied into it. The build writes, into its own
temporary folder, a small configuration per language that inherits the project's file
(MkDocs' `INHERIT:`; mappings are merged, lists replaced) and sets what the generator owns,
by absolute path:

    hooks              the generator's hooks/site.py
    theme.custom_dir   the generator's overrides/
    docs_dir           the project's content/<lang> (relative paths of an inherited file are
                       read from the inheriting file's folder, which is the temporary one)
    watch              nothing (the preview watches the files itself; MkDocs requires every
                       watched path to exist, and the project's would be looked for here)
    extra.sitegen      what the hooks need to know of this build: the project root and the
                       folder the language's pages were generated into. A setting of the
                       configuration is how MkDocs hands anything to hooks; the hooks take
                       it out of `extra` before the theme sees it.
"""
from __future__ import annotations

import json
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent
HOOKS = GENERATOR / "hooks" / "site.py"
THEME = GENERATOR / "overrides"

CONFIGS = {"ja": "mkdocs.yml", "en": "mkdocs.en.yml"}  # per language, in the project root
EXTRA_KEY = "sitegen"  # extra.sitegen: {root, generated}, read (and removed) by hooks/site.py


def write_config(root: Path, lang: str, folder: Path, generated: Path | None = None) -> Path:
    """Write the configuration of root's `lang` build into folder; return its path.

    generated: the folder `python -m sitegen generate` wrote the language's pages to; without
    it the hooks make them in MkDocs' own process."""
    root = root.resolve()
    build_settings = {"root": str(root)}
    if generated is not None:
        build_settings["generated"] = str(generated.resolve())
    settings = {
        "INHERIT": str(root / CONFIGS[lang]),
        "docs_dir": str(root / "content" / lang),
        "hooks": [str(HOOKS)],
        "theme": {"custom_dir": str(THEME)},
        "watch": [],
        "extra": {EXTRA_KEY: build_settings},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"mkdocs-{lang}.yml"
    # JSON is YAML: no quoting rules to get wrong for paths with spaces or colons
    path.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
