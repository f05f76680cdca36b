"""The command line (issue 14, items 6 and 7): every command run as staff and CI run it, in a
process of its own with a timeout, so a command that hangs fails its test instead of the run.

- wrong arguments print the usage and exit 2, and run nothing (`generate .` used to build);
- `validate` and `build` end with one line saying what they checked or built, counted here
  independently (the YAML read with PyYAML, the pages counted in the finished site);
- `generate` run by hand checks the data itself and writes what `build`'s run writes;
- an empty data file, or one holding only its schema comment, ends every command with a
  message in both languages: no hang (scripts/check_schema.py used to loop), no traceback.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import REPO, build_project, make_project

TIMEOUT = 120  # seconds; a validation of the seed takes about one


def sitegen(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`python -m sitegen ARGS` with the repository's package, as `make` runs it."""
    environ = dict(os.environ, PYTHONPATH=str(REPO), SITE_TODAY="2025-04-15", **env)
    environ.pop("GITHUB_ACTIONS", None)  # these tests are about the output for people
    return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=TIMEOUT)


def check_schema(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "check_schema.py"), *map(str, paths)],
                          capture_output=True, text=True, timeout=TIMEOUT)


def subfolder(parent: Path, name: str) -> Path:
    """A project folder beside the test's other files (generated pages, saved data)."""
    (parent / name).mkdir()
    return parent / name


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def is_bilingual(line: str) -> bool:
    """Japanese first, then ' / ', then English, as every message to staff."""
    ja, sep, en = line.partition(" / ")
    return bool(sep) and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) is not None and re.search(r"[A-Za-z]", en) is not None


def records_in(root: Path) -> dict[str, int]:
    """Records per kind, read with plain PyYAML (not sitegen): each kind is a list in its file."""
    counts = {}
    for kind in ("projects", "donations", "calls", "news"):
        data = yaml.safe_load((root / "data" / f"{kind}.yaml").read_text(encoding="utf-8")) or {}
        counts[kind] = len(data.get(kind) or [])
    return counts


# --- Wrong arguments ------------------------------------------------------------------------

USAGE_MISTAKES = {
    "no command": [],
    "unknown command": ["frobnicate"],
    "generate without LANG and FOLDER": ["generate", "."],
    "generate with an unknown language": ["generate", ".", "fr", "out"],
    "validate of a folder that does not exist": ["validate", "no-such-folder"],
    "--save-validated without its FILE": ["validate", ".", "--save-validated"],
    "build with an extra argument": ["build", ".", "extra"],
    "an option no command has": ["validate", "--fast"],
}


@pytest.mark.parametrize("args", USAGE_MISTAKES.values(), ids=USAGE_MISTAKES.keys())
def test_wrong_arguments_print_usage_and_exit_2_without_doing_anything(tmp_path, args):
    root = make_project(tmp_path)
    run = sitegen(*args, cwd=root)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.startswith("usage: python -m sitegen"), run.stderr
    assert last_line(run.stderr) == ("コマンドの引数が正しくありません。--help で使い方を表示します / "
                                     "wrong arguments; --help shows how to use it")
    assert run.stdout == "" and "Traceback" not in run.stderr
    # `generate .` used to run a whole build: nothing may have been built or generated.
    assert not [p.name for p in root.iterdir() if p.name in ("site", "out") or p.name.startswith(".site-")]


def test_a_missing_project_folder_is_named_in_both_languages(tmp_path):
    run = sitegen("build", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert run.returncode == 2
    assert f"フォルダ {tmp_path / 'nowhere'} がありません / no folder {tmp_path / 'nowhere'}" in run.stderr
    assert not (tmp_path / "nowhere").exists()  # build used to create it, to put site/ in it


@pytest.mark.parametrize("command, mentions", [
    ("validate", ["ROOT", "--save-validated FILE"]),
    ("build", ["ROOT"]),
    ("serve", ["ROOT", "--port PORT", "--host HOST"]),
    ("new", ["DIR"]),
    ("schemas", ["ROOT"]),
    ("generate", ["ROOT", "LANG", "FOLDER", "--validated FILE", "--today YYYY-MM-DD", "ja, en"]),
])
def test_every_command_has_help(tmp_path, command, mentions):
    run = sitegen(command, "--help", cwd=tmp_path)
    assert run.returncode == 0 and run.stderr == ""
    assert run.stdout.startswith(f"usage: python -m sitegen {command} ")
    description = run.stdout.split("\n\n")[1].replace("\n", " ")
    assert is_bilingual(description), description
    for word in mentions:
        assert word in run.stdout, word


def test_help_lists_every_command(tmp_path):
    run = sitegen("--help", cwd=tmp_path)
    assert run.returncode == 0
    listed = re.findall(r"^    (\w+) ", run.stdout, re.MULTILINE)
    assert listed == ["validate", "build", "serve", "new", "schemas", "generate"]


# --- Success says so --------------------------------------------------------------------

SECONDS = "<seconds>"  # in an expected line: any duration with one decimal, as a group


def pattern(expected: str) -> str:
    return re.escape(expected).replace(re.escape(SECONDS), r"(\d+\.\d)")


def test_validate_ends_with_one_line_of_counts(tmp_path):
    root = make_project(tmp_path)
    n = records_in(root)
    run = sitegen("validate", cwd=root)
    assert run.returncode == 0, run.stderr
    [line] = run.stdout.splitlines()
    calls = "1 call" if n["calls"] == 1 else f"{n['calls']} calls"
    expected = (f"データに誤りはありません: プロジェクト{n['projects']}件・寄附{n['donations']}件・公募{n['calls']}件・"
                f"ニュース{n['news']}件 ({SECONDS}秒) / data OK: {n['projects']} projects, {n['donations']} donations, "
                f"{calls}, {n['news']} news items ({SECONDS} s)")
    match = re.fullmatch(pattern(expected), line)
    assert match, line
    assert match.group(1) == match.group(2) and 0 <= float(match.group(1)) < TIMEOUT  # 0.0: a fast check


ONE_NEWS_ITEM = """# yaml-language-server: $schema=../schemas/news.schema.json
news:
  - id: only-one
    date: 2025-04-01
    title:
      ja: お知らせ
      en: Notice
"""
NO_CALLS = "# yaml-language-server: $schema=../schemas/calls.schema.json\ncalls: []\n"


def test_validate_counts_one_record_in_the_singular_and_none_as_zero(tmp_path):
    root = make_project(tmp_path, data={"news": ONE_NEWS_ITEM, "calls": NO_CALLS})
    run = sitegen("validate", str(root), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "・公募0件・ニュース1件 (" in run.stdout and ", 0 calls, 1 news item (" in run.stdout


def test_build_ends_with_one_line_of_pages_records_and_where_the_site_is(tmp_path):
    # An empty news file on the way: a build of a site without news works and says "0".
    root = make_project(tmp_path, data={"news": ""})
    n = records_in(root)
    assert n["news"] == 0
    run = build_project(root, extra_env={"GITHUB_ACTIONS": "false"})
    assert run.returncode == 0, run.stderr
    site = root / "site"
    english = len(list((site / "en").rglob("index.html")))
    japanese = len([p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "en"])
    assert japanese > 20 and english > 20
    calls = "1 call" if n["calls"] == 1 else f"{n['calls']} calls"
    expected = (f"サイトを作成しました: site/ (日本語{japanese}ページ・英語{english}ページ、プロジェクト{n['projects']}件・"
                f"寄附{n['donations']}件・公募{n['calls']}件・ニュース0件、{SECONDS}秒) / site built in site/: "
                f"{japanese} Japanese pages, {english} English pages; {n['projects']} projects, "
                f"{n['donations']} donations, {calls}, 0 news items; {SECONDS} s")
    [line] = run.stdout.splitlines()  # one line: the validation in its child process adds none
    assert re.fullmatch(pattern(expected), line), line
    assert "data OK" not in run.stdout + run.stderr


# --- generate by hand ----------------------------------------------------------------------

def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes but the manifest's (a pickle, whose bytes depend on how the data was read)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.pickle"}


def test_generate_by_hand_checks_the_data_and_writes_what_the_build_writes(tmp_path):
    root = make_project(subfolder(tmp_path, "project"))
    by_hand = sitegen("generate", str(root), "ja", str(tmp_path / "by-hand"), cwd=tmp_path)
    assert by_hand.returncode == 0, by_hand.stderr
    saved = sitegen("validate", str(root), "--save-validated", str(tmp_path / "data.pickle"), cwd=tmp_path)
    assert saved.returncode == 0 and saved.stdout == "", saved.stdout + saved.stderr  # build prints the line
    as_build = sitegen("generate", str(root), "ja", str(tmp_path / "as-build"), "--validated",
                       str(tmp_path / "data.pickle"), cwd=tmp_path)
    assert as_build.returncode == 0, as_build.stderr
    written = tree(tmp_path / "by-hand")
    project_ids = [p["id"] for p in yaml.safe_load((root / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]]
    for project_id in project_ids:
        assert f"pages/projects/{project_id}/index.md" in written
    assert written == tree(tmp_path / "as-build")


def test_generate_by_hand_refuses_data_with_mistakes(tmp_path):
    root = make_project(subfolder(tmp_path, "project"), data={"news": ONE_NEWS_ITEM.replace("2025-04-01", "2025/04/01")})
    run = sitegen("generate", str(root), "en", str(tmp_path / "out"), cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "data/news.yaml:4:11 news[0].date: " in run.stderr
    assert last_line(run.stderr) == "データに1件の誤りがあります。サイトは作成していません。 / 1 mistake(s) in the data; no site was built."
    assert not (tmp_path / "out").exists()


# --- Empty and comment-only data files --------------------------------------------------------

def only_comment(stem: str) -> str:
    """What is left of a data file when every record and key is deleted: its first line."""
    first = (REPO / "data" / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"
    return first + "\n"


HOLLOW = {"empty": lambda stem: "", "comment only": only_comment}
SITE_MISSING = ("data/site.yaml:1:1 必須の項目「site」がありません(「site: 」の行を加えてください) / "
                "required field 'site' is missing (add a 'site:' line)")


@pytest.mark.parametrize("hollow", HOLLOW, ids=HOLLOW.keys())
def test_validate_reads_a_hollow_news_file_as_no_news(tmp_path, hollow):
    root = make_project(tmp_path, data={"news": HOLLOW[hollow]("news")})
    run = sitegen("validate", cwd=root)
    assert run.returncode == 0, run.stderr
    assert is_bilingual(last_line(run.stdout)) and "0 news items" in run.stdout


@pytest.mark.parametrize("hollow", HOLLOW, ids=HOLLOW.keys())
@pytest.mark.parametrize("command", ["validate", "generate", "build"])
def test_a_hollow_site_file_is_a_mistake_for_every_command(tmp_path, hollow, command):
    root = make_project(subfolder(tmp_path, "project"), data={"site": HOLLOW[hollow]("site")})
    args = [str(root), "ja", str(tmp_path / "out")] if command == "generate" else [str(root)]
    run = sitegen(command, *args, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert SITE_MISSING in run.stderr.splitlines()
    assert is_bilingual(last_line(run.stderr)) and not (root / "site").exists()


@pytest.fixture
def with_schemas(tmp_path) -> Path:
    """A project with schemas/ beside data/, where the files' first lines look for them."""
    root = make_project(tmp_path)
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


def test_check_schema_ends_on_a_news_file_of_comments_only(with_schemas):
    """It used to loop for ever: no value in the file had a position to point at."""
    path = with_schemas / "data" / "news.yaml"
    path.write_text(only_comment("news"), encoding="utf-8")
    run = check_schema(path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == "OK: 1ファイルともスキーマに合っています / OK: 1 file(s) match their schema\n"


def test_check_schema_puts_a_missing_required_key_of_a_comment_only_file_at_1_1(with_schemas):
    path = with_schemas / "data" / "site.yaml"
    path.write_text(only_comment("site"), encoding="utf-8")
    run = check_schema(path)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [f"{path}:1:1 (top): 'site' is a required property",
                                       "問題が1件見つかりました / 1 problem(s) found"]


def test_check_schema_on_an_empty_missing_or_unreadable_file_says_why(with_schemas):
    empty, missing, broken = (with_schemas / "data" / name for name in ("empty.yaml", "missing.yaml", "broken.yaml"))
    empty.write_text("", encoding="utf-8")
    broken.write_text(only_comment("news") + "news: [\n", encoding="utf-8")
    run = check_schema(empty, missing, broken)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout.splitlines() == [
        f"{empty}:1:1: 1行目に「# yaml-language-server: $schema=…」がありません / "
        "the first line has no '# yaml-language-server: $schema=…' comment",
        f"{missing}:1:1: ファイルがありません: {missing} / file not found: {missing}",
        f"{broken}:1:1: YAMLとして読めません。make validate で詳しい説明を表示します / not readable as YAML; make validate says why",
        "問題が3件見つかりました / 3 problem(s) found",
    ]
