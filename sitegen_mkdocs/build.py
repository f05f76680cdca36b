"""Build both languages into a temporary folder, then swap it into place.

`mkdocs build` empties site_dir first and, under --strict, aborts only after
writing pages, so building in place would leave a broken site behind. Here the
two language builds (independent, so they run side by side on two cores) write
into a temporary folder next to `site/`; only when both passed and the post
steps succeeded is the old `site/` replaced, by renames on the same disk.

Each step that holds the records runs in a process of its own, so that its memory is
given back when it ends (Python keeps what it has freed): validation, then for each
language the page generation (generated.py), then MkDocs over the generated pages, with the
project's configuration and the generator's hooks and theme (configs.py). Small data is the
exception: validated in the build process, then each language forked from it runs generation
and MkDocs in one process (see FORK_MAX_MB). The child processes
are told what to do by their command lines and configuration files, not by environment
variables (only those of the user's own environment, such as SITE_URL, pass through).
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitegen.errors import DataErrors, format_path
from sitegen.notices import heading as notices_heading
from sitegen.notices import notices
from sitegen.render import load_templates
from sitegen.summary import built_line, load_counts, record_counts, save_counts, validated_line
from sitegen.today import site_today
from sitegen.validate import collector_paused, load_dataset, missing_translations

from . import phases
from .configs import CONFIGS, GENERATOR, write_config
from .generated import GenerationError, language_context, write_language
from .postbuild import finish_site
from .search import SearchIndexError

# How `build` hands its validated data to the language runs: `validate ROOT --save-validated
# FILE` writes it, `generate ROOT LANG FOLDER --validated FILE` reads it (sitegen/__main__.py).
SAVE_OPTION = "--save-validated"
VALIDATED_OPTION = "--validated"
VALIDATED_FILE = "dataset.pickle"  # in the build's temporary folder
# The date `build` decided is today, given to each language's `generate` (sitegen/__main__.py).
TODAY_OPTION = "--today"


def _on_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"  # set in every step of a workflow run


def _checked(root: Path):
    """The validated dataset, or None after printing every mistake."""
    with collector_paused():  # the walks over every record below, too (see load_dataset)
        return _checked_now(root)


def _checked_now(root: Path):
    try:
        ds = load_dataset(root)
        site_today()
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        if _on_github_actions():
            # Workflow commands, read by GitHub from the step's output, put each mistake on
            # its line of the pull request; the lines above stay for people reading the log.
            for error in exc.errors:
                print(error.github_annotation(in_file=(root / error.file).is_file()))
        return None
    report_missing_translations(ds)
    report_notices(ds)
    return ds


def validate(root: Path, save_to: Path | None = None) -> int:
    """Check the data only. Prints every mistake, or one line saying what was checked;
    returns the exit status.

    With save_to (`build`'s own validation), write the validated data there for the language
    runs, and the record counts beside it (summary.counts_file) for the line the build ends
    with, instead of printing a line of its own."""
    started = time.perf_counter()
    ds = _checked(root)
    if ds is None:
        return 1
    counts = record_counts(ds)
    if save_to:
        # streamed: the bytes are over 100 MB at 10,000 records; with the cycle collector paused,
        # which otherwise walks every record again and again as pickling makes each one's state
        # (at 10,000 records: 13 -> 4 CPU seconds)
        with open(save_to, "wb") as f, collector_paused():
            pickle.dump(ds.without_raw_yaml(), f, protocol=pickle.HIGHEST_PROTOCOL)
        save_counts(save_to, counts)
    else:
        print(validated_line(counts, time.perf_counter() - started))
    return 0


def report_missing_translations(ds) -> None:
    """Information, not a failure: which texts the English pages show in Japanese."""
    lines = []
    for stem in ds.files:  # every data file, in the order of sitegen.kinds
        for loc in missing_translations(getattr(ds, stem)):
            lines.append(f"  {ds.loaded[stem].file}:{ds.precise_line_of(stem, loc)} {format_path(loc)}")
    if lines:
        print(f"情報: 英訳のない項目が{len(lines)}件あります(英語ページには日本語で表示されます) / "
              f"info: {len(lines)} text(s) without English (shown in Japanese on English pages):", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)


def report_notices(ds) -> None:
    """Information, not a failure: what the data's models notice (sitegen.notices), such as a
    donation after the month the donations table is said to be as of."""
    found = notices(ds)
    if found:
        print(notices_heading(len(found)), file=sys.stderr)
        print("\n".join("  " + n.format() for n in found), file=sys.stderr)
        if _on_github_actions():
            for n in found:
                print(n.github_annotation())


def generate_language(root: Path, lang: str, dest: Path, validated: Path | None = None,
                      today: dt.date | None = None) -> int:
    """Write one language's generated pages to dest (`python -m sitegen generate`, run by
    `build` in a child process: see generated.py). Returns the exit status.

    `build` passes the data its validation has just saved (validated), so each language reads
    one pickle instead of parsing and validating every YAML file again (at 10,000 records that
    parse is most of a run's start-up). Run by hand, without it, the data is checked here.
    today: the date the pages treat as today (default: SITE_TODAY, or today in Japan)."""
    if validated is None:
        ds = _checked(root)
        if ds is None:
            return 1
    else:
        with open(validated, "rb") as f, collector_paused():  # makes every record's objects, all kept
            ds = pickle.load(f)
        # The records live as long as this process: out of the cycle collector's sight, which
        # would otherwise walk them all whenever it reaches its oldest generation.
        gc.freeze()
    try:
        write_language(language_context(ds, lang, today), root / "content" / lang, dest)
    except GenerationError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def _language(root: Path, lang: str, tmp: Path, env: dict, today: dt.date) -> subprocess.CompletedProcess:
    """One language: its pages generated in a process of their own, then MkDocs over them.
    The generation's memory (the records) is given back before MkDocs renders."""
    generated = tmp / f"generated-{lang}"
    cmd = [sys.executable, "-m", "sitegen", "generate", str(root.resolve()), lang, str(generated),
           VALIDATED_OPTION, str(tmp / VALIDATED_FILE), TODAY_OPTION, today.isoformat()]
    run = phases.run(f"generation {lang}", cmd, startup="sitegen", cwd=GENERATOR, env=env)
    if run.returncode != 0:
        return run
    config = write_config(root, lang, tmp / "configs", generated)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(tmp / lang)]
    run = phases.run(f"mkdocs {lang}", cmd, startup="mkdocs", cwd=root, env=env)
    _remove_generated(generated)
    return run


def _remove_generated(generated: Path) -> None:
    """The language's generated Markdown, read by its MkDocs run and needed no more, removed in
    the language's own lane, beside the other language's work rather than after both (thousands
    of files: at 1,000 records about 1 s of the build's end)."""
    cpu, wall = time.thread_time(), time.perf_counter()  # this thread's: the other language's runs beside it
    shutil.rmtree(generated, ignore_errors=True)
    phases.record(f"removing {generated.name}", time.thread_time() - cpu, time.perf_counter() - wall,
                  startup=None, in_process=True)


def _language_in_process(root: Path, lang: str, tmp: Path, ds, today: dt.date) -> tuple[bool, str]:
    """One language in this process: the same steps as `_language`, without the child
    processes. For tests (tests/sitebuild.py): MkDocs' log records then reach the test's own
    logging, so a warning MkDocs gives is seen by the test that caused it. Returns (passed,
    what to print)."""
    from mkdocs.commands.build import build as mkdocs_build  # the adapter's own dependency
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    generated = tmp / f"generated-{lang}"
    try:
        write_language(language_context(ds, lang, today), root / "content" / lang, generated)
        config = load_config(str(write_config(root, lang, tmp / "configs", generated)),
                             strict=True, site_dir=str(tmp / lang))
        mkdocs_build(config)
    except GenerationError as exc:
        return False, str(exc)
    except MkDocsException as exc:  # a PluginError from the hooks, or strict mode's Abort
        return False, str(exc)
    return True, ""


def _language_in_child(root: Path, lang: str, tmp: Path, env: dict, today: dt.date) -> tuple[bool, str]:
    run = _language(root, lang, tmp, env, today)
    return run.returncode == 0, (run.stdout + run.stderr).strip()


def build(root: Path, site_dir: Path | None = None, in_process: bool = False) -> int:
    """Validate, build ja and en, post-process, and replace site_dir atomically.
    Ends with one line saying what was built (summary.built_line).

    in_process: every step in this process, one language after the other (tests); otherwise
    the languages side by side: for data small enough (_fork_suits) validated here and each
    language forked from this process; for larger data each step that holds the records in a
    child process of its own."""
    started = time.perf_counter()
    site_dir = site_dir or root / "site"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    validated = tmp / VALIDATED_FILE
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    phases.reset()
    forked = not in_process and _fork_suits(root)
    try:
        if in_process or forked:
            ds = _checked_measured(root) if forked else _checked(root)
            counts = record_counts(ds) if ds is not None else None
        # Validation runs in a process of its own: the parsed data would otherwise stay in this
        # process (Python keeps freed memory) for the whole build, next to the two language runs.
        elif _validate_in_child(root, validated) == 0:
            counts = load_counts(validated)
        else:
            counts = None
        if counts is None:
            print("サイトは変更していません / the existing site was left unchanged", file=sys.stderr)
            return 1
        # Today is decided once, here, and given to both language runs: each reading the clock
        # could publish the two languages with different dates across midnight in Japan.
        # (Validation has checked a SITE_TODAY that was set.)
        today = site_today()
        if in_process:
            runs = {lang: _language_in_process(root, lang, tmp, ds, today) for lang in CONFIGS}
        elif forked:
            ds = ds.without_raw_yaml()  # what the languages need; the parsed YAML is let go before the fork
            runs = _languages_forked(root, tmp, ds, today)
            del ds  # the build process goes on to the search index without the records
        else:
            with ThreadPoolExecutor(max_workers=2) as pool:
                runs = dict(zip(CONFIGS, pool.map(lambda lang: _language_in_child(root, lang, tmp, env, today),
                                                  CONFIGS)))
        for lang, (_, output) in runs.items():
            if output:
                print(f"[{lang}] {output}", file=sys.stderr)
        if not all(passed for passed, _ in runs.values()):
            print("ビルドに失敗しました。サイトは変更していません / the build failed; "
                  "the existing site was left unchanged", file=sys.stderr)
            return 1
        built = tmp / "ja"
        (tmp / "en").rename(built / "en")
        try:
            finish_site(built, os.environ.get("SITE_URL", ""))
        except SearchIndexError as exc:
            print(f"{exc}\nサイトは変更していません / the existing site was left unchanged", file=sys.stderr)
            return 1
        _swap(built, site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        phases.write()
    print(built_line(site_dir, counts, time.perf_counter() - started))
    return 0


# Small data is validated in the build process and each language forked from it: the forked
# run has the records and every module already (no pickle to write and read back, no Python
# start-up, MkDocs and the hooks imported once), and runs generation and MkDocs in one process.
# At 1,000 records this saves about 5 of 58 CPU seconds a build (the two ways built one after
# the other, same machine and load; README, Benchmark). Large data keeps a process per step: a
# forked run copies every page of the records it touches (reference counts are writes), and the
# build process keeps the memory its validation used, so the forks' memory would come on top of
# it; the separate processes each hold only what their step needs. At 10,000 records that is
# an estimated 3 GB (validation's 1.7 GB plus two copies of the records and the generation)
# against the 2 GB allowed.
FORK_MAX_MB = 20.0  # data/*.yaml, in MB: the bench's 1,000 records are 8 MB, 10,000 are 83 MB
FORK_MAX_MB_ENV = "SITEGEN_FORK_MAX_MB"  # 0: never fork (tests compare the two ways)


def _fork_suits(root: Path) -> bool:
    if not hasattr(os, "fork"):  # Windows
        return False
    limit = float(os.environ.get(FORK_MAX_MB_ENV) or FORK_MAX_MB)
    size = sum(path.stat().st_size for path in (root / "data").glob("*.yaml"))
    return size <= limit * 1_000_000


def _checked_measured(root: Path):
    """_checked, recorded as the phase 'validation' (in this process: its own CPU clock)."""
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        return _checked(root)
    finally:
        phases.record("validation", time.process_time() - cpu, time.perf_counter() - wall, startup=None,
                      in_process=True)


def _languages_forked(root: Path, tmp: Path, ds, today: dt.date) -> dict[str, tuple[bool, str]]:
    """Each language in a process forked from this one, side by side: generation, then MkDocs'
    own command line (the same output as `mkdocs build` in a child process). Returns, per
    language, (passed, what it printed)."""
    import mkdocs.__main__  # noqa: F401  imported before the fork, once for both languages
    import mkdocs.commands.build  # noqa: F401

    load_templates(CONFIGS)  # compiled once here for both languages (sitegen/render.py)
    sys.stdout.flush()  # or a child would print what this process had not yet written
    sys.stderr.flush()
    gc.collect()
    gc.freeze()  # the records are never collected in a child: its collector does not walk (and copy) them
    children = {}
    try:
        for lang in CONFIGS:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child, which ends with os._exit
                os.close(read_end)
                _forked_language(root, lang, tmp, ds, today, write_end)
            os.close(write_end)
            children[lang] = (pid, read_end, time.perf_counter())
    finally:
        gc.unfreeze()
    outputs: dict[str, bytes] = {}

    def drain(lang: str, fd: int) -> None:
        with open(fd, "rb") as stream:
            outputs[lang] = stream.read()

    readers = [threading.Thread(target=drain, args=(lang, fd)) for lang, (_, fd, _) in children.items()]
    for reader in readers:  # started after both forks: a child never inherits a running thread
        reader.start()
    runs = {}
    for lang, (pid, _, started) in children.items():
        _, status, usage = os.wait4(pid, 0)
        cpu = phases.cpu_of(usage)
        marks = _read_cpu_marks(tmp, lang)
        if marks is not None:
            phases.record(f"generation {lang} (forked)", marks["generation"], None, startup=None)
            phases.record(f"mkdocs {lang} (same process)", marks["mkdocs"] - marks["generation"], None, startup=None)
            phases.record(f"removing generated-{lang} (same process)", cpu - marks["mkdocs"], None, startup=None)
        else:
            phases.record(f"generation + mkdocs {lang} (forked)", cpu, time.perf_counter() - started, startup=None)
        runs[lang] = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return {lang: (runs[lang] == 0, outputs.get(lang, b"").decode("utf-8", "replace").strip()) for lang in CONFIGS}


def _cpu_marks_file(tmp: Path, lang: str) -> Path:
    return tmp / f"cpu-marks-{lang}.json"


def _read_cpu_marks(tmp: Path, lang: str) -> dict | None:
    """A forked language's CPU clock when its generation ended and when its MkDocs run did."""
    try:
        return json.loads(_cpu_marks_file(tmp, lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _forked_language(root: Path, lang: str, tmp: Path, ds, today: dt.date, output: int) -> None:
    """The forked child: one language, its stdout and stderr going to output; never returns."""
    status = 1
    try:
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(output)
        # New streams on the new descriptors: what was sys.stdout may be anything (a test's capture)
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"  # as in the child processes' environment
        status = _language_steps(root, lang, tmp, ds, today)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # a bug: print it, as a child process would
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _language_steps(root: Path, lang: str, tmp: Path, ds, today: dt.date) -> int:
    """What `generate` then `mkdocs build` do in the child processes of `_language`."""
    from mkdocs.__main__ import cli

    generated = tmp / f"generated-{lang}"
    try:
        write_language(language_context(ds, lang, today), root / "content" / lang, generated)
    except GenerationError as exc:
        print(exc, file=sys.stderr)
        return 1
    marks = {"generation": time.process_time()}  # this process's CPU clock, for the phases
    config = write_config(root, lang, tmp / "configs", generated)
    os.chdir(root)  # where `_language` runs MkDocs
    try:
        cli.main(["build", "--strict", "--quiet", "-f", str(config), "-d", str(tmp / lang)], prog_name="mkdocs",
                 standalone_mode=True)  # exits (SystemExit) with MkDocs' own status and messages
    finally:
        marks["mkdocs"] = time.process_time()
        _cpu_marks_file(tmp, lang).write_text(json.dumps(marks), encoding="utf-8")
        shutil.rmtree(generated, ignore_errors=True)  # as _remove_generated, in this lane
    return 0


def _validate_in_child(root: Path, save_to: Path) -> int:
    """`validate` in a child process (this same package); its messages are printed here:
    the mistakes and information on stderr, GitHub's annotations on stdout."""
    cmd = [sys.executable, "-m", "sitegen", "validate", str(root.resolve()), SAVE_OPTION, str(save_to)]
    run = phases.run("validation", cmd, startup="sitegen", cwd=GENERATOR)
    if run.stdout:
        print(run.stdout.rstrip("\n"))
    if run.stderr:
        print(run.stderr.rstrip("\n"), file=sys.stderr)
    return run.returncode


def _swap(new: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        site_dir.rename(old / "site")
    new.rename(site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
