"""Smoke test: `make bench-preview` (python -m bench.preview) runs end to end and prints its last
line. It asserts no time: the save-to-page target (2 s) is checked by running the benchmark on a
machine of known load, not by tests (README, "Preview")."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.sitebuild import REPO

pytestmark = pytest.mark.browser


def test_bench_preview_runs_once():
    # The real command in its own process: it starts the preview and its own Chromium.
    run = subprocess.run([sys.executable, "-m", "bench.preview", "--runs", "1"], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.strip().splitlines()
    assert re.fullmatch(r"run 1: ja \d+\.\d\d s, en \d+\.\d\d s( \(preview updated in [0-9.]+ s\))?",
                        next(line for line in lines if line.startswith("run "))), run.stdout
    last = re.fullmatch(r"preview save-to-page median: (\d+\.\d\d) s \(target 2 s\)", lines[-1])
    assert last, run.stdout
    assert float(last.group(1)) > 0
