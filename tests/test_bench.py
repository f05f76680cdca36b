"""Smoke test: the benchmark still runs end to end at a tiny size and prints its ratio line."""
from __future__ import annotations

import re

from bench.run import main


def test_bench_runs_at_tiny_size(capsys):
    assert main(["--n", "10"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^build ratio ours/plain-mkdocs N=10: \d+\.\d\d$", out.strip().splitlines()[-1])
    pages = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(ours|plain-mkdocs)\s+wall.*pages\s+(\d+)", out, re.M)}
    assert pages["ours"] == pages["plain-mkdocs"] > 20  # the baseline builds the same pages
    assert int(re.search(r"one search \(gzip bytes fetched\): (\d+)", out).group(1)) > 0
