"""`python -m sitegen new DIR` writes a starter project for another program, and
`python -m sitegen build DIR` builds it with the generator's own code, hooks and theme,
none of which is copied into DIR. The starter names nothing of the seed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import REPO, build_project
from tests.test_no_city_in_code import TEXT_SUFFIXES, hits, seed_names

STARTER = REPO / "sitegen_mkdocs" / "starter"
KINDS = {  # data file -> (records key, where the example record's page is, and its title in ja / en)
    "projects": ("projects", "projects/example-project/", "(例)プロジェクトの名前", "(Example) Name of the project"),
    "calls": ("calls", "calls/example-call-2024/", "(例)補助金の名前", "(Example) Name of the subsidy"),
    "news": ("news", "news/", "(例)ニュースの見出し", "(Example) Headline of the news item"),
    "donations": ("donations", "donations/", "(例)寄附した会社", "(Example) Donating company"),
}
# What the generator owns: settings the starter's MkDocs files must carry as the repository's do
SHARED_SETTINGS = ("strict", "use_directory_urls", "plugins", "extra_css", "extra_javascript",
                   "markdown_extensions", "not_in_nav", "validation", "nav")


def _new(dest: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # run as the README says: from the repository
    return subprocess.run([sys.executable, "-m", "sitegen", "new", str(dest)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("starter") / "another-program"
    run = _new(dest)
    assert run.returncode == 0, run.stderr
    return dest


@pytest.fixture(scope="module")
def built(starter) -> Path:
    run = build_project(starter, today="2024-04-15")
    assert run.returncode == 0, run.stderr
    assert "1 project, 1 donation, 1 call, 1 news item" in run.stdout, run.stdout
    return starter / "site"


def test_the_starter_holds_no_generator_code_hooks_or_theme(starter):
    files = [p.relative_to(starter) for p in starter.rglob("*") if p.is_file()]
    assert not [f for f in files if f.suffix in (".py", ".pyc", ".html", ".j2", ".css", ".js")], files
    for folder in ("sitegen", "sitegen_mkdocs", "hooks", "overrides"):
        assert not (starter / folder).exists(), folder
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (starter / config).read_text(encoding="utf-8")
        assert "hooks:" not in text and "custom_dir" not in text, config


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    run = _new(tmp_path)
    assert run.returncode == 2 and "is not an empty folder" in run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_each_data_file_names_its_schema_and_has_one_marked_example(starter):
    for stem in ("site", *KINDS):
        path = starter / "data" / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json", first
        assert (starter / "schemas" / f"{stem}.schema.json").read_text(encoding="utf-8").startswith("{")
        if stem in KINDS:
            key, _, ja, en = KINDS[stem]
            [record] = yaml.safe_load(text)[key]
            assert "example" in record["id"]
            assert ja in text and en in text


def test_the_pages_are_the_repositorys_set_of_hand_written_pages(starter):
    for lang in ("ja", "en"):
        ours = sorted(p.relative_to(starter / "content" / lang) for p in (starter / "content" / lang).rglob("*.md"))
        repo = sorted(p.relative_to(REPO / "content" / lang) for p in (REPO / "content" / lang).rglob("*.md"))
        assert ours == repo, lang


class _AnyTag(yaml.SafeLoader):
    """Reads MkDocs' tags (!ENV, !!python/object/apply) as plain (tag, value) pairs."""


_AnyTag.add_multi_constructor("", lambda loader, tag, node: (
    tag, loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else repr(node.value)))


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.en.yml"])
def test_the_starters_mkdocs_settings_follow_the_repositorys(config):
    """Settings that name the generator's theme files or pages are the repository's: a stylesheet
    added to mkdocs.yml must be added to the starter too."""
    ours = yaml.load((STARTER / config).read_text(encoding="utf-8"), Loader=_AnyTag)
    repo = yaml.load((REPO / config).read_text(encoding="utf-8"), Loader=_AnyTag)
    for key in SHARED_SETTINGS:
        assert ours.get(key) == repo.get(key), key
    theme = {k: v for k, v in repo.get("theme", {}).items() if k != "custom_dir"}
    assert ours.get("theme", {}) == theme
    assert ours.get("extra") == repo.get("extra")


def test_the_starter_builds_both_languages_with_its_example_records(built):
    for _, (_, page, ja, en) in KINDS.items():
        ja_html = (built / page / "index.html").read_text(encoding="utf-8")
        en_html = (built / "en" / page / "index.html").read_text(encoding="utf-8")
        assert ja in ja_html and 'lang="ja"' in ja_html, page
        assert en in en_html and 'lang="en"' in en_html, page
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "【事業名】" in home
    assert (built / "pagefind").is_dir() and (built / "en" / "pagefind").is_dir()


def test_nothing_of_the_seed_in_the_starter_or_its_site(starter, built):
    files = [p for p in STARTER.rglob("*") if p.is_file() and (p.suffix in TEXT_SUFFIXES or p.suffix == "")]
    files += [p for p in built.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".csv", ".ics")
              and not {"assets", "pagefind"} & set(p.relative_to(built).parts)]
    assert len(files) > 40
    found = hits(seed_names(), files)
    assert not found, "the seed's names in the starter:\n" + "\n".join(found)
