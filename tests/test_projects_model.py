"""Projects without MkDocs: status, file labels, the seed records, and one test per bad-input message."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from sitegen.dates import PartialDate
from sitegen.errors import DataErrors
from sitegen.filetypes import FileTypeError, format_size, inspect
from sitegen.models.projects import Period, project_status
from sitegen.validate import load_dataset
from tests.fixtures.projects.files import write_docx, write_pdf
from tests.sitebuild import REPO, SEED, SEED_DATA

D = dt.date


# --- Status ---------------------------------------------------------------------------

def period(start, end=None) -> Period:
    return Period(start=PartialDate.parse(start), end=PartialDate.parse(end) if end else None)


@pytest.mark.parametrize("today, status", [(D(2024, 11, 1), "upcoming"), (D(2024, 11, 30), "upcoming"),
                                           (D(2024, 12, 1), "ongoing"), (D(2025, 6, 1), "ongoing"),
                                           (D(2027, 3, 31), "ongoing"), (D(2027, 4, 1), "ended")])
def test_status_of_sea_fertiliser_period(today, status):
    assert project_status(period("2024-12", "2027-03"), today) == status


def test_fiscal_year_end_is_31_march_of_next_year():
    p = period("FY2023", "FY2024")
    assert project_status(p, D(2023, 3, 31)) == "upcoming"
    assert project_status(p, D(2025, 3, 31)) == "ongoing"
    assert project_status(p, D(2025, 4, 1)) == "ended"


def test_open_period_never_ends_and_unknown_period_has_no_status():
    assert project_status(period(2020), D(2099, 1, 1)) == "ongoing"
    assert project_status(period(2020), D(2019, 12, 31)) == "upcoming"
    assert project_status(None, D(2025, 1, 1)) is None


# --- File labels ------------------------------------------------------------------------

@pytest.mark.parametrize("size, ja, en", [(1, "1KB", "1 KB"), (1024, "1KB", "1 KB"), (1025, "2KB", "2 KB"),
                                          (326_556, "319KB", "319 KB"), (3_150_000, "3.0MB", "3.0 MB"),
                                          (2_200_000, "2.1MB", "2.1 MB"), (1024 * 1024, "1.0MB", "1.0 MB"),
                                          (1024 * 1024 - 1, "1,024KB", "1,024 KB")])
def test_size_format(size, ja, en):
    assert format_size(size, "ja") == ja and format_size(size, "en") == en


def test_real_pdf_gets_label_from_its_bytes(tmp_path):
    f = write_pdf(tmp_path / "r.pdf", 2_200_000)
    info = inspect(f)
    assert info.size == 2_200_000
    assert info.describe("ja") == "PDF・2.1MB" and info.describe("en") == "PDF, 2.1 MB"


def test_docx_is_recognised_and_zip_renamed_docx_is_not(tmp_path):
    assert inspect(write_docx(tmp_path / "a.docx")).label == "Word"
    html = tmp_path / "page.pdf"
    html.write_text("<html>404 Not Found</html>")
    with pytest.raises(FileTypeError) as exc:
        inspect(html)
    assert "not PDF" in exc.value.en and "PDF" in exc.value.ja


def test_missing_file_and_unknown_extension(tmp_path):
    with pytest.raises(FileNotFoundError):  # worded for staff by file_not_found_error (below)
        inspect(tmp_path / "nothing.pdf")
    (tmp_path / "a.exe").write_bytes(b"MZ")
    with pytest.raises(FileTypeError, match="cannot be published"):
        inspect(tmp_path / "a.exe")


# --- The seed's seven projects ------------------------------------------------------------

def test_seed_projects_carry_every_fact():
    ds = load_dataset(SEED)
    by_id = {p.id: p for p in ds.projects.projects}
    assert len(by_id) == 7
    kaiyo = by_id["kaiyo-gijutsu"]
    assert kaiyo.support == ["implementation", "funding", "pr"] and kaiyo.category == "agreement"
    assert str(kaiyo.period.start) == "FY2018" and kaiyo.period.end is None
    assert [r.kind for r in kaiyo.reports] == ["published", "former_program"]
    assert kaiyo.reports[1].former_name.ja == "波力発電関連分野での新産業創出促進事業"
    umi = by_id["umi-no-hiryo"]
    assert (str(umi.period.start), str(umi.period.end)) == ("2024-12", "2027-03")
    assert [o.name.ja for o in umi.participants] == ["平塚市漁業協同組合", "(株)不動テトラ", "農水産課"]
    food = by_id["shokuhin-traceability"]
    assert food.category is None and food.department is None  # the seed gives none
    assert food.reports[0].kind == "external" and food.reports[0].source.ja == "Triplo M’s S.A."
    assert by_id["oral-frail"].period.start.precision == "year"
    assert str(by_id["ketsuatsu-mokuhyo"].period.end) == "2025-03-31"
    assert len(by_id["jido-unten-bus"].participants) == 5
    assert by_id["hokosha-odan"].reports[0].kind == "pending"
    assert all(o.agreement for o in by_id["hokosha-odan"].leads)
    assert not any(o.agreement for o in by_id["ketsuatsu-mokuhyo"].leads)
    # No addresses in the seed, so none in the data; visits are not stated per project.
    for p in by_id.values():
        assert p.title.en and p.summary.en
        assert all(o.url is None for o in p.leads + p.participants)
        assert p.visits_accepted is None
        assert not any(r.kind == "file" for r in p.reports)  # the city's PDFs are not ours to fake


# --- Bad input: one test per message ----------------------------------------------------------

HEAD = """departments:
  - id: sangyo-shinko
    name: {ja: 産業振興課, en: Industrial Promotion Division}
projects:
  - id: p1
    title: {ja: 題, en: Title}
    summary: {ja: 概要}
"""


def errors_for(tmp_path, record: str, files: dict | None = None):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "projects.yaml").write_text(HEAD + record, encoding="utf-8")
    (tmp_path / "data" / "news.yaml").write_text("news: []\n", encoding="utf-8")
    (tmp_path / "data" / "donations.yaml").write_text("donations: []\n", encoding="utf-8")
    for name, writer in (files or {}).items():
        writer(tmp_path / "content" / "files" / name)
    with pytest.raises(DataErrors) as exc:
        load_dataset(tmp_path)
    return exc.value.errors


def test_end_before_start(tmp_path):
    [e] = errors_for(tmp_path, "    period: {start: 2025-04, end: 2024-12}\n")
    assert e.path == "projects[0].period.end" and e.line == 8
    assert "before the start" in e.en and "開始" in e.ja and "2024-12" in e.en


def test_report_year_outside_period(tmp_path):
    record = ("    period: {start: 2024-12, end: 2027-03}\n"
              "    reports:\n"
              "      - {kind: pending, fiscal_year: 2023}\n")
    [e] = errors_for(tmp_path, record)
    assert e.path == "projects[0].reports[0].fiscal_year"
    assert "FY2023" in e.en and "outside" in e.en and "2023年度" in e.ja and "期間" in e.ja


def test_report_in_the_fiscal_year_the_period_starts_in_is_fine(tmp_path):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "projects.yaml").write_text(
        HEAD + "    period: {start: 2025-02, end: 2025-03}\n    reports:\n      - {kind: pending, fiscal_year: 2024}\n")
    (tmp_path / "data" / "news.yaml").write_text("news: []\n")
    (tmp_path / "data" / "donations.yaml").write_text("donations: []\n")
    assert load_dataset(tmp_path).projects.projects[0].reports[0].fiscal_year == 2024


def test_report_file_missing_names_the_record_and_the_folder_searched(tmp_path):
    [e] = errors_for(tmp_path, "    reports:\n      - {kind: file, fiscal_year: 2024, file: r/none.pdf}\n")
    assert (e.file, e.line, e.path) == ("data/projects.yaml", 9, "projects[0].reports[0].file")
    assert e.ja == "p1: ファイル「r/none.pdf」が見つかりません" and e.en == "p1: the file 'r/none.pdf' was not found"
    assert e.hint_ja == "content/files/r/ を探しました。ファイルをこのフォルダに置くか、名前を直してください"
    assert e.hint_en == "searched content/files/r/; put the file in that folder or correct the name"
    assert e.got == "'r/none.pdf'"


def test_report_file_missing_suggests_the_closest_file_in_the_folder(tmp_path):
    files = {"r/report-2024.pdf": lambda p: write_pdf(p, 2_000), "r/minutes.pdf": lambda p: write_pdf(p, 2_000)}
    [e] = errors_for(tmp_path, "    reports:\n      - {kind: file, fiscal_year: 2024, file: r/report-2023.pdf}\n", files)
    assert e.path == "projects[0].reports[0].file" and e.line == 9
    assert e.en == "p1: the file 'r/report-2023.pdf' was not found" and "p1: " in e.ja
    assert e.hint_en == "searched content/files/r/; did you mean 'report-2024.pdf'?"
    assert e.hint_ja == "content/files/r/ を探しました。「report-2024.pdf」の誤りではありませんか"


def test_report_file_of_wrong_type(tmp_path):
    files = {"r/report.pdf": lambda p: write_docx(p)}
    [e] = errors_for(tmp_path, "    reports:\n      - {kind: file, fiscal_year: 2024, file: r/report.pdf}\n", files)
    assert e.path == "projects[0].reports[0].file" and "not PDF" in e.en and "p1" in e.en


def test_report_file_outside_content_files(tmp_path):
    [e] = errors_for(tmp_path, "    reports:\n      - {kind: file, fiscal_year: 2024, file: ../../etc/passwd}\n")
    assert e.path == "projects[0].reports[0].file" and "relative to content/files/" in e.en


def test_unknown_report_kind(tmp_path):
    [e] = errors_for(tmp_path, "    reports:\n      - {kind: pdf, fiscal_year: 2024}\n")
    assert e.path == "projects[0].reports[0]" and e.line == 9 and "'file'" in e.en and "'pending'" in e.en


def test_unknown_support_type_suggests_the_key(tmp_path):
    [e] = errors_for(tmp_path, "    support: [implementation, 資金支援]\n")
    assert e.path == "projects[0].support[1]" and "unknown support type" in e.en
    assert "write funding" in e.hint_en and "支援の種類" in e.ja


def test_unknown_category(tmp_path):
    [e] = errors_for(tmp_path, "    category: partnership\n    department: sangyo-shinko\n")
    assert e.path == "projects[0].category" and "unknown category" in e.en
    assert "agreement" in e.hint_en and "interdepartmental" in e.hint_en


def test_department_missing_for_category(tmp_path):
    [e] = errors_for(tmp_path, "    category: interdepartmental\n")
    assert e.path == "projects[0].category" and "needs its department" in e.en and "所管部署" in e.ja


def test_unknown_department_id(tmp_path):
    [e] = errors_for(tmp_path, "    category: agreement\n    department: sangyo\n")
    assert e.path == "projects[0].department" and "no department has the id 'sangyo'" in e.en
    assert "sangyo-shinko" in e.hint_en


@pytest.mark.parametrize("typed, hint", [("2018年度", "FY2018"), ("2024年12月", "2024-12"), ("2020年", "2020"),
                                         ("2023年5月15日", "2023-05-15")])
def test_period_written_as_on_the_city_page_gets_a_hint(tmp_path, typed, hint):
    [e] = errors_for(tmp_path, f"    period: {{start: {typed}}}\n")
    assert e.path == "projects[0].period.start" and f"e.g. {hint}" == e.hint_en and "FY2018" in e.en


def test_period_day_that_does_not_exist(tmp_path):
    [e] = errors_for(tmp_path, '    period: {start: "2023-02-30"}\n')
    assert e.path == "projects[0].period.start" and "does not exist" in e.en


def test_support_listed_twice(tmp_path):
    [e] = errors_for(tmp_path, "    support: [pr, pr]\n")
    assert e.path == "projects[0].support[1]" and "twice" in e.en


def test_json_schema_lists_the_vocabularies_and_date_forms():
    from sitegen.models.projects import ProjectsFile

    schema = ProjectsFile.model_json_schema()
    project = schema["$defs"]["Project"]["properties"]
    assert project["support"]["items"]["enum"] == ["implementation", "funding", "pr"]
    assert "FY" in schema["$defs"]["Period"]["properties"]["start"]["anyOf"][0]["pattern"]
