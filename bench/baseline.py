"""The baseline: the same pages as plain Markdown files, built by plain MkDocs + Material.

This is the floor of the stack: no hooks, no data layer, one `mkdocs build` per
language one after the other (what a site kept as hand-written Markdown would
run), with the same theme, overrides, nav, extensions and search step.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from sitegen_mkdocs.generated import FILES, FILLED, PAGES, language_context, write_language
from sitegen.validate import load_dataset


def write_markdown_tree(project: Path, dest: Path) -> None:
    """dest/docs-ja and dest/docs-en: every page our build makes, written out as files
    (by the build's own sitegen_mkdocs.generated), laid over a copy of the hand-written pages."""
    ds = load_dataset(project)
    for lang in ("ja", "en"):
        docs = dest / f"docs-{lang}"
        shutil.copytree(project / "content" / lang, docs)
        with tempfile.TemporaryDirectory(dir=dest) as tmp:
            generated = Path(tmp)
            write_language(language_context(ds, lang), project / "content" / lang, generated)
            for part in (FILLED, PAGES, FILES):  # filled: hand-written pages with their data fragments
                if (generated / part).is_dir():
                    shutil.copytree(generated / part, docs, dirs_exist_ok=True)
        if lang == "ja" and (project / "content" / "files").is_dir():
            shutil.copytree(project / "content" / "files", docs / "files")


def write_configs(project: Path, dest: Path) -> dict[str, Path]:
    """Our mkdocs.yml and mkdocs.en.yml without the hooks, pointing at the plain docs."""
    ja = (project / "mkdocs.yml").read_text(encoding="utf-8")
    ja = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", ja)
    ja = re.sub(r"(?m)^docs_dir: .*$", "docs_dir: docs-ja", ja)
    ja = re.sub(r"(?m)^watch:\n(?:  - .*\n)+", "", ja)
    ja = ja.replace("custom_dir: overrides", f"custom_dir: {project / 'overrides'}")
    en = (project / "mkdocs.en.yml").read_text(encoding="utf-8")
    en = re.sub(r"(?m)^docs_dir: .*$", "docs_dir: docs-en", en)
    (dest / "mkdocs.yml").write_text(ja, encoding="utf-8")
    (dest / "mkdocs.en.yml").write_text(en, encoding="utf-8")
    return {"ja": dest / "mkdocs.yml", "en": dest / "mkdocs.en.yml"}


def build_command(dest: Path) -> list[str]:
    """One shell-free command that builds ja, then en, then runs the same search indexing."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sitegen_mkdocs import phases\n"  # the same per-phase CPU as ours (SITEGEN_PHASES_FILE)
        "d = Path(sys.argv[1])\n"
        "for lang, cfg, out in (('ja', 'mkdocs.yml', 'site'), ('en', 'mkdocs.en.yml', 'site/en')):\n"
        "    run = phases.run(f'mkdocs {lang}', [sys.executable, '-m', 'mkdocs', 'build', '-q', '-f', str(d / cfg),"
        " '-d', str(d / out)], startup='mkdocs', cwd=d)\n"
        "    if run.returncode:\n"
        "        sys.exit(run.stdout + run.stderr)\n"
        "from sitegen_mkdocs.postbuild import finish_site\n"
        "finish_site(d / 'site', '')\n"  # as our build without SITE_URL: no sitemap, same search step
        "phases.write('the baseline script itself', startup='script')\n"
    )
    return [sys.executable, "-c", script, str(dest)]
