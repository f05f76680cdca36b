"""make bench: our build against plain MkDocs on the same pages, at size BENCH_N.

    BENCH_N=1000 make bench
    BENCH_REPEAT=5 make bench     # both builds 5 times, alternately; medians compared

Prints wall time, CPU seconds (user + system of the whole process tree), peak memory, page
count, output bytes, the median record page, the gzip bytes of a project page's first view and
of one search, where our build's CPU goes phase by phase, and last:
    cpu ratio ours/plain-mkdocs N=<N>: <ratio>
    build ratio ours/plain-mkdocs N=<N>: <ratio>
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from bench import baseline, measure, search_cost
from bench.synthetic import write_dataset
from sitegen_mkdocs.phases import PHASES_ENV

REPO = Path(__file__).resolve().parent.parent
TODAY = "2025-04-15"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", "1000")))
    parser.add_argument("--keep", help="keep the generated folders here")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement (needs Chromium)")
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "1")),
                        help="build both ways this many times, alternately, and compare medians")
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
        plain = work / "plain"
        plain.mkdir()
        os.environ["SITE_TODAY"] = TODAY  # the baseline is generated in this process, as ours is built
        os.environ.pop("SITE_URL", None)
        baseline.write_markdown_tree(project, plain)
        baseline.write_configs(project, plain)
        phases_file, base_phases = work / "phases.json", work / "phases-plain.json"
        runs: list[tuple[measure.Run, measure.Run]] = []
        for _ in range(max(1, args.repeat)):
            # One way, then the other, each from no site: the machine's state moves between runs
            # (other work, the host), and alternating spreads that over both ways alike.
            for folder in (project, plain):
                shutil.rmtree(folder / "site", ignore_errors=True)
            ours = measure.run_measured([sys.executable, "-m", "sitegen", "build", str(project)], project,
                                        dict(env, **{PHASES_ENV: str(phases_file)}))
            if ours.returncode != 0:
                print(ours.output, file=sys.stderr)
                return 1
            base = measure.run_measured(baseline.build_command(plain), plain,
                                        dict(env, **{PHASES_ENV: str(base_phases)}))
            if base.returncode != 0:
                print(base.output, file=sys.stderr)
                return 1
            runs.append((ours, base))
        site = project / "site"
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"N={n}: {n} projects, {n} donations, {max(1, n // 10)} calls, {n} news (bilingual)")
        if len(runs) > 1:
            for i, (o, b) in enumerate(runs, start=1):
                print(f"run {i}: ours wall {o.seconds:7.2f} s cpu {o.cpu_seconds:7.2f} s, plain-mkdocs wall "
                      f"{b.seconds:7.2f} s cpu {b.cpu_seconds:7.2f} s, cpu ratio {o.cpu_seconds / b.cpu_seconds:.2f}")
            print(f"below: the median of {len(runs)} runs for each way (peak memory: the largest); "
                  "the phases: the last run")
        ours, base = (measure.median_run([r[k] for r in runs]) for k in (0, 1))
        for name, run, folder in (("ours", ours, site), ("plain-mkdocs", base, plain / "site")):
            print(f"{name:13s} wall {run.seconds:7.2f} s  cpu {run.cpu_seconds:7.2f} s  "
                  f"peak memory {_mb(run.peak_rss_bytes):>10s}  "
                  f"pages {measure.page_count(folder):6d}  output {_mb(measure.output_bytes(folder)):>10s}")
        print_phases("our", json.loads(phases_file.read_text(encoding="utf-8")), ours.cpu_seconds, env)
        print_phases("plain MkDocs'", json.loads(base_phases.read_text(encoding="utf-8")), base.cpu_seconds, env)
        print(f"median record page HTML: {measure.median_record_html(site)} bytes")
        first_project = sorted((site / "projects").glob("*/index.html"))[0].parent.name
        print(f"first view of projects/{first_project}/ (HTML+CSS+JS+fonts, gzip): "
              f"{measure.first_view_gzip(site, f'projects/{first_project}')} bytes")
        if not args.no_browser:
            print(f"one search (gzip bytes fetched): {search_cost.search_bytes(site, f'projects/{first_project}/')} bytes")
        print(f"cpu ratio ours/plain-mkdocs N={n}: {ours.cpu_seconds / base.cpu_seconds:.2f}")
        print(f"build ratio ours/plain-mkdocs N={n}: {ours.seconds / base.seconds:.2f}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


# What one start-up of each kind of Python process costs, measured apart from the build: the
# interpreter plus the imports of the command line (ours: python -m sitegen; MkDocs': its CLI).
STARTUPS = {
    "sitegen": [sys.executable, "-c", "import sitegen.__main__"],
    "mkdocs": [sys.executable, "-c", "import mkdocs.__main__"],
    "script": [sys.executable, "-c", "import sitegen_mkdocs.postbuild"],  # the baseline's own script
}


def print_phases(whose: str, phases: list[dict], total: float, env: dict) -> None:
    """A build's CPU by phase (sitegen_mkdocs/phases.py), and what of it is Python start-ups."""
    print(f"{whose} CPU by phase (user + system seconds; wall seconds where the phase has its own):")
    for p in phases:
        wall = f"  wall {p['wall']:6.2f} s" if p.get("wall") is not None else ""
        print(f"  {p['phase']:44s} {p['cpu']:7.2f} s{wall}")
    counts: dict[str, int] = {}
    for p in phases:
        if p.get("startup"):
            counts[p["startup"]] = counts.get(p["startup"], 0) + 1
    startups = 0.0
    for kind, count in sorted(counts.items()):
        each = measure.startup_cpu(STARTUPS[kind], env)
        startups += each * count
        print(f"  of which Python start-ups ({kind}): {count} x {each:.2f} s = {each * count:.2f} s")
    print(f"  python start-ups in all {startups:.2f} s; phases' sum {sum(p['cpu'] for p in phases):.2f} s "
          f"of {total:.2f} s measured for the whole tree")


if __name__ == "__main__":
    sys.exit(main())
