"""The one line `validate` and `build` end with when they succeed.

    データに誤りはありません: プロジェクト7件・寄附12件・公募1件・ニュース5件 (0.4秒) / data OK: 7 projects, 12 donations, 1 call, 5 news items (0.4 s)
    サイトを作成しました: site/ (日本語30ページ・英語30ページ、…、9.3秒) / site built in site/: 30 Japanese pages, 30 English pages; …; 9.3 s

`build` validates in a child process and does not hold the records itself, so the child
leaves the record counts in a small JSON file beside the validated data it saves
(`counts_file`), and the build reads them from there for its own line.
"""
from __future__ import annotations

import json
from pathlib import Path

from .kinds import kinds


def record_counts(ds) -> dict[str, int]:
    """How many records of each kind (sitegen.kinds: those with `records`) a validated dataset holds."""
    return {k.stem: len(getattr(getattr(ds, k.stem), k.records)) for k in kinds() if k.records}


def counts_file(validated: Path) -> Path:
    """Where `validate --save-validated FILE` leaves the record counts for the build."""
    return validated.with_name(validated.name + ".counts.json")


def save_counts(validated: Path, counts: dict[str, int]) -> None:
    counts_file(validated).write_text(json.dumps(counts), encoding="utf-8")


def load_counts(validated: Path) -> dict[str, int]:
    return json.loads(counts_file(validated).read_text(encoding="utf-8"))


def _records(counts: dict[str, int]) -> tuple[str, str]:
    """Counts by stem in words, each kind named as its entry in sitegen.kinds says."""
    names = {k.stem: k.record_names() for k in kinds()}
    ja = "・".join(f"{names[stem][0]}{n}件" for stem, n in counts.items())
    en = ", ".join(f"{n} {names[stem][1 if n == 1 else 2]}" for stem, n in counts.items())
    return ja, en


def validated_line(counts: dict[str, int], seconds: float) -> str:
    ja, en = _records(counts)
    return f"データに誤りはありません: {ja} ({seconds:.1f}秒) / data OK: {en} ({seconds:.1f} s)"


def pages_per_language(site: Path) -> dict[str, int]:
    """Pages of the finished site per language: its index.html files (one per address;
    404.html is not counted), English under en/, Japanese everywhere else."""
    english = sum(1 for _ in (site / "en").rglob("index.html"))
    return {"ja": sum(1 for _ in site.rglob("index.html")) - english, "en": english}


def shown_folder(folder: Path) -> str:
    """The site folder as the person who ran the command will find it: relative to the
    current folder when inside it (`site/`), else the full path."""
    try:
        return folder.resolve().relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return str(folder.resolve()) + "/"


def built_line(site: Path, counts: dict[str, int], seconds: float) -> str:
    pages = pages_per_language(site)
    ja, en = _records(counts)
    where = shown_folder(site)
    return (f"サイトを作成しました: {where} (日本語{pages['ja']}ページ・英語{pages['en']}ページ、{ja}、{seconds:.1f}秒) / "
            f"site built in {where}: {pages['ja']} Japanese pages, {pages['en']} English pages; {en}; {seconds:.1f} s")
