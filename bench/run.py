"""make bench: our build against plain MkDocs on the same pages, at size BENCH_N.

    BENCH_N=1000 make bench

Prints wall time, peak memory, page count, output bytes, the median record page,
the gzip bytes of a project page's first view and of one search, and last:
    build ratio ours/plain-mkdocs N=<N>: <ratio>
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from bench import baseline, measure, search_cost
from bench.synthetic import write_dataset

REPO = Path(__file__).resolve().parent.parent
TODAY = "2025-04-15"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", "1000")))
    parser.add_argument("--keep", help="keep the generated folders here")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement (needs Chromium)")
    args = parser.parse_args(argv)
    n = args.n
    work = Path(args.keep or tempfile.mkdtemp(prefix="sitegen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SITE_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO))
    env.pop("SITE_URL", None)
    try:
        project = work / "ours"
        project.mkdir()
        write_dataset(REPO, project, n)
        ours = measure.run_measured([sys.executable, "-m", "sitegen", "build", str(project)], project, env)
        if ours.returncode != 0:
            print(ours.output, file=sys.stderr)
            return 1
        plain = work / "plain"
        plain.mkdir()
        os.environ["SITE_TODAY"] = TODAY  # the baseline is generated in this process, as ours was built
        os.environ.pop("SITE_URL", None)
        baseline.write_markdown_tree(project, plain)
        baseline.write_configs(project, plain)
        base = measure.run_measured(baseline.build_command(plain), plain, env)
        if base.returncode != 0:
            print(base.output, file=sys.stderr)
            return 1
        site = project / "site"
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"N={n}: {n} projects, {n} donations, {max(1, n // 10)} calls, {n} news (bilingual)")
        for name, run, folder in (("ours", ours, site), ("plain-mkdocs", base, plain / "site")):
            print(f"{name:13s} wall {run.seconds:7.2f} s  peak memory {_mb(run.peak_rss_bytes):>10s}  "
                  f"pages {measure.page_count(folder):6d}  output {_mb(measure.output_bytes(folder)):>10s}")
        print(f"median record page HTML: {measure.median_record_html(site)} bytes")
        first_project = sorted((site / "projects").glob("*/index.html"))[0].parent.name
        print(f"first view of projects/{first_project}/ (HTML+CSS+JS+fonts, gzip): "
              f"{measure.first_view_gzip(site, f'projects/{first_project}')} bytes")
        if not args.no_browser:
            print(f"one search (gzip bytes fetched): {search_cost.search_bytes(site, f'projects/{first_project}/')} bytes")
        print(f"build ratio ours/plain-mkdocs N={n}: {ours.seconds / base.seconds:.2f}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
