"""Deterministic synthetic data for the benchmark, made by cloning the repository's own records.

Cloning the seed records (rather than writing records by hand here) keeps the
benchmark valid whatever fields the models gain: every clone is a real record
with a new id and numbered texts. N projects with their reports, N donations,
N/10 calls and N news items, bilingual.
"""
from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from sitegen.kinds import kinds

# data file -> (top-level list key, how many records at size n): each kind's entry says (synthetic)
SIZES = {k.stem: (k.records, k.synthetic) for k in kinds() if k.synthetic is not None}


def _number_texts(value: Any, k: int) -> Any:
    """Append the clone number to every bilingual text, so pages differ like real ones."""
    if isinstance(value, dict):
        if set(value) <= {"ja", "en"} and "ja" in value and all(isinstance(v, str) for v in value.values()):
            return {lang: f"{text}(第{k}号)" if lang == "ja" else f"{text} (no. {k})" for lang, text in value.items()}
        return {key: (_number_texts(v, k) if key != "id" else v) for key, v in value.items()}
    if isinstance(value, list):
        return [_number_texts(v, k) for v in value]
    return value


def _clone(record: dict, k: int, id_suffix: str) -> dict:
    new = _number_texts(copy.deepcopy(record), k)
    new["id"] = f"{record['id']}-{id_suffix}{k}"
    return new


def write_dataset(repo: Path, dest: Path, n: int) -> None:
    """A project folder at dest with the repository's code and pages and data grown to size n."""
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(repo / name, dest / name)
    for name in ("hooks", "overrides", "content"):
        shutil.copytree(repo / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "sitegen").symlink_to(repo / "sitegen")
    (dest / "data").mkdir()
    for path in sorted((repo / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = yaml.safe_load(text)
        if path.stem in SIZES:
            key, size = SIZES[path.stem]
            seeds = doc[key]
            target = size(n)
            clones = [_clone(seeds[i % len(seeds)], i // len(seeds) + 1, "b")
                      for i in range(max(0, target - len(seeds)))]
            doc[key] = (seeds + clones)[:max(target, 1)] if target >= len(seeds) else seeds[:target]
        # safe_dump writes dates as YYYY-MM-DD and quotes strings that need it: valid input
        (dest / "data" / path.name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
