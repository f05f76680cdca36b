"""References between records: a donation or news item naming a project that does not exist,
a project naming a department that data/projects.yaml does not list."""
from __future__ import annotations

import difflib
from typing import Iterable

from .dataset import Dataset
from .errors import DataError


def _unknown(ds: Dataset, stem: str, loc: tuple, ref: str, known: Iterable[str], what_ja: str, what_en: str) -> DataError:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.5)
    hint = ({"hint_ja": f"「{close[0]}」の誤りではありませんか", "hint_en": f"did you mean '{close[0]}'?"}
            if close else {"hint_ja": f"data/{what_en}s.yaml にあるidを書いてください",
                           "hint_en": f"use an id from data/{what_en}s.yaml"})
    return ds.loaded[stem].error(loc, f"{what_ja}「{ref}」は存在しません", f"no {what_en} has the id '{ref}'",
                                 None, **hint)


def check_references(ds: Dataset) -> list[DataError]:
    projects = {p.id for p in ds.projects.projects}
    calls = {c.id for c in ds.calls.calls}
    errors: list[DataError] = []
    for i, d in enumerate(ds.donations.donations):
        if d.project and d.project not in projects:
            errors.append(_unknown(ds, "donations", ("donations", i, "project"), d.project, projects,
                                   "プロジェクト", "project"))
    for i, u in enumerate(ds.donations.use_cases):
        if u.project and u.project not in projects:
            errors.append(_unknown(ds, "donations", ("use_cases", i, "project"), u.project, projects,
                                   "プロジェクト", "project"))
    for i, n in enumerate(ds.news.news):
        for j, ref in enumerate(n.projects):
            if ref not in projects:
                errors.append(_unknown(ds, "news", ("news", i, "projects", j), ref, projects, "プロジェクト", "project"))
        for j, ref in enumerate(getattr(n, "calls", []) or []):
            if ref not in calls:
                errors.append(_unknown(ds, "news", ("news", i, "calls", j), ref, calls, "公募", "call"))
    errors.extend(_departments(ds))
    return errors


def _departments(ds: Dataset) -> list[DataError]:
    """Each project's department is one of the file's departments."""
    loaded = ds.loaded["projects"]
    known = {d.id for d in ds.projects.departments}
    errors = []
    for i, p in enumerate(ds.projects.projects):
        if p.department and p.department not in known:
            errors.append(loaded.error(
                ("projects", i, "department"), f"所管部署「{p.department}」は departments にありません",
                f"no department has the id '{p.department}'", None,
                hint_ja="departments に追加するか、既存のidを書いてください: " + ", ".join(sorted(known)),
                hint_en="add it to departments or use one of: " + ", ".join(sorted(known))))
    return errors
