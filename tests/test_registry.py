"""One registry of the kinds of data file (sitegen/kinds.py).

A new kind is a model, a section (with its template) and one registry line: the test below adds
"events" that way to a temporary project, validates it, generates both languages' pages and
builds them with MkDocs in this process, and reads the HTML. The checks that read the disk are
a step of their own, and validating the data loads no page code.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from pydantic import Field

from sitegen import kinds as registry
from sitegen.context import BuildContext
from sitegen.errors import DataErrors
from sitegen.kinds import FILE_MODELS, Kind, Ref, kind, kinds, register
from sitegen.models.common import Date, Id, Strict, Text
from sitegen.pages import Output, Page
from sitegen.render import Localizer
from sitegen.sections import section_outputs
from sitegen.sections.opendata import published
from sitegen.summary import record_counts, validated_line
from sitegen.validate import load_dataset
from tests.html import page
from tests.sitebuild import REPO, make_project

# --- The new kind: a model, a section with its template, one registry line ------------------


class Event(Strict):
    id: Id
    date: Date = Field(description="開催日 / date")
    title: Text = Field(description="名称 / title")


class EventsFile(Strict):
    events: list[Event] = Field(default_factory=list)


LISTING = "events/"
TEMPLATE = """\
{% for e in events %}
<article class="sg-event" id="event-{{ e.id }}">
<h2>{{ L.text(e.title) }}</h2>
<p><time datetime="{{ e.date.isoformat() }}">{{ L.date(e.date) }}</time></p>
</article>
{% endfor %}
"""


def events_section(templates: Path):
    """The section of the kind: one listing page per language, rendered from a template in
    `templates` with autoescape, like the site's own sections."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def build(ctx: BuildContext) -> Output:
        items = sorted(ctx.ds.events.events, key=lambda e: e.date)
        body = env.get_template("events/list.md.j2").render(events=items, L=Localizer(ctx, LISTING))
        return Output(pages=[Page(url=LISTING, title="イベント" if ctx.lang == "ja" else "Events", body=body)])
    return build


EVENTS_YAML = """\
events:
  - id: open-day
    date: 2025-05-10
    title:
      ja: 研究所の見学会
      en: Laboratory open day
"""


@pytest.fixture
def events_kind(tmp_path, monkeypatch):
    """The registry with "events" added by the one line a project would write."""
    templates = tmp_path / "templates"
    (templates / "events").mkdir(parents=True)
    (templates / "events" / "list.md.j2").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(registry, "KINDS", list(registry.KINDS))  # the registration ends with the test
    return register(Kind("events", EventsFile, events_section(templates), records="events",
                         names=("イベント", "event", "events")))


@pytest.fixture
def events_project(tmp_path):
    return make_project(_folder(tmp_path), data={"events": EVENTS_YAML})


# --- Tests ----------------------------------------------------------------------------------

def generated_pages(ds, lang: str) -> dict[str, Page]:
    """Every page the core makes for one language, by site path."""
    ctx = BuildContext(ds=ds, lang=lang, today=dt.date(2025, 4, 15))
    return {p.url: p for part in section_outputs(ctx) for p in part.pages}


def test_a_registered_kind_is_validated_generated_and_built_in_both_languages(events_kind, events_project,
                                                                              tmp_path, monkeypatch):
    ds = load_dataset(events_project)
    assert [e.id for e in ds.events.events] == ["open-day"]
    assert list(ds.files)[-1] == "events" and ds.files["events"] is ds.events
    counts = record_counts(ds)
    assert counts["events"] == 1
    line = validated_line(counts, 0.1)
    assert "イベント1件" in line and "1 event (" in line
    for lang, title in (("ja", "研究所の見学会"), ("en", "Laboratory open day")):
        assert title in generated_pages(ds, lang)[LISTING].markdown()

    # MkDocs in this process, over the project's own configurations: its hooks validate the data
    # and write the pages through the same registry (hooks/site.py, when no build handed them pages)
    monkeypatch.setenv("SITE_TODAY", "2025-04-15")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for name in ("SITE_URL", "SITEGEN_GENERATED"):
        monkeypatch.delenv(name, raising=False)
    site = tmp_path / "site"
    for config, folder in (("mkdocs.yml", site), ("mkdocs.en.yml", site / "en")):
        mkdocs_build(load_config(str(events_project / config), site_dir=str(folder)))

    ja, en = page(site, "events"), page(site, "en/events")
    assert ja.find("html").attrs["lang"] == "ja" and en.find("html").attrs["lang"] == "en"
    assert "研究所の見学会" in ja.find("article", class_="sg-event").text()
    assert "Laboratory open day" in en.find("article", class_="sg-event").text()
    assert en.find("time").attrs["datetime"] == "2025-05-10"
    # the kinds already there are built as before, beside the new one
    assert (site / "projects" / "index.html").is_file() and (site / "en" / "news" / "index.html").is_file()


def test_without_its_registry_line_the_file_is_not_read(events_project):
    ds = load_dataset(events_project)
    assert "events" not in ds.files
    assert LISTING not in generated_pages(ds, "ja") and "news/" in generated_pages(ds, "ja")


def test_a_mistake_in_the_new_file_is_reported_with_file_and_line(events_kind, events_project):
    (events_project / "data" / "events.yaml").write_text(
        EVENTS_YAML.replace("date: 2025-05-10", "date: 5月10日"), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_dataset(events_project)
    [error] = exc.value.errors
    assert (error.file, error.line, error.column, error.path) == ("data/events.yaml", 3, 11, "events[0].date")
    assert error.format().startswith("data/events.yaml:3:11 events[0].date: ")


def test_a_kind_is_registered_once(events_kind):
    with pytest.raises(ValueError, match="events"):
        register(Kind("events", EventsFile))
    assert kind("events") is events_kind and list(FILE_MODELS)[-1] == "events"


def test_the_built_in_kinds_and_what_each_gives():
    assert [k.stem for k in kinds()] == ["site", "projects", "donations", "calls", "news"]
    assert published() == ("projects", "donations", "calls")
    assert [k.stem for k in kinds() if k.feed] == ["calls", "news"]
    assert {k.stem: k.synthetic(100) for k in kinds() if k.synthetic} == \
        {"projects": 100, "donations": 100, "calls": 10, "news": 100}
    for k in kinds():  # every named function exists (a Ref is imported only when called)
        for ref in (k.section, k.feed):
            if isinstance(ref, Ref):
                module, _, name = ref.target.partition(":")
                assert callable(getattr(__import__(module, fromlist=[name]), name)), ref.target
        if k.records:  # the records are a list of the file's model
            assert k.model.model_fields[k.records].annotation.__origin__ is list


def test_validation_loads_the_models_only_and_models_import_no_validation():
    code = ("import sys, sitegen.validate, sitegen.models.projects; "
            "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('sitegen.sections')}))")
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
    code = "import sys, sitegen.models.projects; print('sitegen.validate' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_files_on_disk_are_checked_in_a_step_of_their_own(tmp_path):
    projects = ("projects:\n  - id: p1\n    title: {ja: 題}\n    summary: {ja: 概要}\n"
                "    reports:\n      - {kind: file, fiscal_year: 2024, file: r/report.pdf}\n")
    project = make_project(_folder(tmp_path), data={"projects": projects, "news": "news: []\n",
                                                    "donations": "donations: []\n"})
    assert load_dataset(project, files=False).projects.projects[0].reports[0].file == "r/report.pdf"
    with pytest.raises(DataErrors) as exc:
        load_dataset(project)  # the data is valid; the file it names is not there
    [error] = exc.value.errors
    assert (error.file, error.line, error.path) == ("data/projects.yaml", 6, "projects[0].reports[0].file")
    assert error.ja == "p1: ファイル「r/report.pdf」が見つかりません"
    (project / "content" / "files" / "r").mkdir(parents=True)
    (project / "content" / "files" / "r" / "report.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert load_dataset(project).projects.projects[0].id == "p1"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    return folder
