"""Two builds of the same data and SITE_TODAY are byte-identical (no build timestamps,
stable ordering), whatever folder they run in."""
from __future__ import annotations

import time

from tests.sitebuild import build_project, make_project


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(tmp_path):
    sites = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        root = make_project(tmp_path / name)
        result = build_project(root, today="2025-04-15", site_url="https://example.org/program/")
        assert result.returncode == 0, result.stderr
        sites.append(files(root / "site"))
        time.sleep(1.1)  # a timestamp with one-second resolution would differ
    first, second = sites
    assert first.keys() == second.keys()
    assert "feed.xml" in first and "opendata/donations.csv" in first and "sitemap.xml" in first
    different = [path for path in first if first[path] != second[path]]
    assert not different
