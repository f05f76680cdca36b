"""Smoke test: the benchmark still runs end to end at a tiny size and prints its ratio line."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.sitebuild import REPO


def test_bench_runs_at_tiny_size():
    # The real command in its own process: it drives its own Chromium for the search figure.
    run = subprocess.run([sys.executable, "-m", "bench.run", "--n", "10", "--repeat", "2"], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    assert re.search(r"^build ratio ours/plain-mkdocs N=10: \d+\.\d\d$", out.strip().splitlines()[-1])
    assert re.search(r"^cpu ratio ours/plain-mkdocs N=10: \d+\.\d\d$", out.strip().splitlines()[-2])
    # two runs each way, alternately; the summary lines are their medians
    runs = re.findall(r"^run (\d): ours wall .* cpu ratio (\d+\.\d\d)$", out, re.M)
    assert [n for n, _ in runs] == ["1", "2"], out
    cpu = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(ours|plain-mkdocs)\s+wall.*cpu\s+([\d.]+) s", out, re.M)}
    assert cpu["ours"] > 0 and cpu["plain-mkdocs"] > 0
    for phase in ("validation", "generation ja", "mkdocs en", "search index ja", "orchestration"):
        assert re.search(rf"^  {phase}.* [\d.]+ s", out, re.M), phase  # our CPU, phase by phase
    pages = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(ours|plain-mkdocs)\s+wall.*pages\s+(\d+)", out, re.M)}
    assert pages["ours"] == pages["plain-mkdocs"] > 20  # the baseline builds the same pages
    assert int(re.search(r"one search \(gzip bytes fetched\): (\d+)", out).group(1)) > 0
