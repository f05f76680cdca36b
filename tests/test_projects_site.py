"""Build sites with project records and real PDF files; read the HTML that comes out."""
from __future__ import annotations

import pytest

from tests.fixtures.projects.files import write_pdf
from tests.html import page
from tests.sitebuild import build_project, make_project

FIXTURE = """departments:
  - id: sangyo-shinko
    name: {ja: 産業振興課, en: Industrial Promotion Division}
projects:
  - id: with-reports
    title: {ja: 報告のあるプロジェクト, en: Project with reports}
    summary: {ja: 概要です。, en: The summary.}
    support: [implementation, funding]
    category: agreement
    department: sangyo-shinko
    period: {start: FY2022}
    leads:
      - name: {ja: 試験大学, en: Test University}
        url: https://example.org/university
        agreement: true
    participants:
      - name: {ja: 参画会社, en: Participating company}
    visits_accepted: true
    reports:
      - {kind: file, fiscal_year: 2023, file: test/fy2023.pdf}
      - {kind: external, fiscal_year: 2022, source: {ja: 学会誌, en: A journal}, url: https://example.org/journal}
      - kind: file
        fiscal_year: 2024
        file: test/fy2024.pdf
        title: {ja: 年次報告書, en: Annual report}
      - {kind: published, fiscal_year: 2025, publisher: {ja: 平塚市, en: Hiratsuka City}}
  - id: later
    title: {ja: これから始まる, en: Starts later}
    summary: {ja: 概要}
    support: [pr]
    period: {start: 2026-01, end: 2026-03}
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("projects"),
                        {"projects": FIXTURE, "news": "news: []\n", "donations": "donations: []\n"})
    write_pdf(root / "content" / "files" / "test" / "fy2023.pdf", 326_556)
    write_pdf(root / "content" / "files" / "test" / "fy2024.pdf", 2_200_000)
    result = build_project(root, today="2025-06-01")
    assert result.returncode == 0, result.stderr
    return root / "site"


def reports(doc):
    return doc.find("ul", class_="sg-reports").find_all("li", class_="sg-report")


def test_reports_newest_first_with_labels_from_the_files(fixture_site):
    items = reports(page(fixture_site, "projects/with-reports"))
    assert [i.attrs["data-kind"] for i in items] == ["published", "file", "file", "external"]
    assert items[1].find("a").text() == "年次報告書(PDF・2.1MB)"
    assert items[2].find("a").text() == "成果報告書(PDF・319KB)"
    assert items[1].find("span", class_="sg-report__year").text() == "2024年度(令和6年度)"
    en = reports(page(fixture_site, "en/projects/with-reports"))
    assert en[1].find("a").text() == "Annual report (PDF, 2.1 MB)"
    assert en[2].find("a").text() == "Result report (PDF, 319 KB)"
    assert "Hiratsuka City publishes it (not available on this site)" in en[0].text()
    # no address known: no link to the report, the department's phone instead (tests/test_next_steps.py)
    assert [a.attrs["href"] for a in en[0].find_all("a")] == ["tel:0463-21-9758"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_report_links_reach_the_one_shared_file(fixture_site, prefix):
    here = fixture_site / prefix / "projects" / "with-reports"
    link = reports(page(fixture_site, f"{prefix}projects/with-reports"))[1].find("a").attrs["href"]
    target = (here / link).resolve()
    assert target == (fixture_site / "files" / "test" / "fy2024.pdf").resolve()
    assert target.stat().st_size == 2_200_000 and target.read_bytes().startswith(b"%PDF-")


def test_external_links_say_so_and_open_in_the_same_window(fixture_site):
    for prefix, marker in (("", "(外部リンク)"), ("en/", "(external link)")):
        doc = page(fixture_site, f"{prefix}projects/with-reports")
        links = [a for a in doc.find("article").find_all("a") if a.attrs.get("href", "").startswith("https://")]
        assert {a.attrs["href"] for a in links} == {"https://example.org/university", "https://example.org/journal"}
        for a in links:
            assert a.attrs["rel"] == "noopener noreferrer" and "target" not in a.attrs
            assert a.text().endswith(marker)


def test_project_page_shows_every_fact(fixture_site):
    doc = page(fixture_site, "en/projects/with-reports")
    facts = {tr.find("th").text(): tr.find("td").text() for tr in doc.find("table", class_="sg-project-facts").find_all("tr")}
    assert facts["Period"] == "Since FY2022 (April 2022 – March 2023)"
    assert facts["Support received"] == "Implementation support, Funding support"  # as the filters say it
    assert facts["Category"] == "Agreement project" and facts["Department"] == "Industrial Promotion Division"
    assert facts["Visits"].startswith("Visits are accepted")
    assert all(th.attrs.get("scope") == "row" for th in doc.find("table", class_="sg-project-facts").find_all("th"))
    orgs = doc.find_all("ul", class_="sg-orgs")
    assert "cooperation agreement concluded" in orgs[0].text() and orgs[1].text() == "Participating company"
    assert doc.find("span", class_="sg-status").attrs["data-status"] == "ongoing"


def test_statuses_follow_site_today(fixture_site):
    doc = page(fixture_site, "projects")
    cards = {c.find("h3").text(): c for c in doc.find_all("li", class_="sg-project-card")}
    assert cards["これから始まる"].find("span", class_="sg-status").attrs["data-status"] == "upcoming"
    assert cards["報告のあるプロジェクト"].attrs["data-filter-status"] == "ongoing"


def test_filter_pages_work_without_javascript(fixture_site):
    doc = page(fixture_site, "projects")
    counts = {a.attrs["href"]: a.text() for a in doc.find("nav", class_="sg-project-filters").find_all("a")}
    assert counts["status/upcoming/"] == "開始前 (1件)" and "status/ended/" not in counts  # 0: not a link
    assert counts["support/pr/"] == "PR支援 (1件)" and counts["department/none/"] == "所管部署を掲載していないもの (1件)"
    assert counts["./"] == "すべて (2件)"
    funding = page(fixture_site, "en/projects/support/funding")
    titles = [c.find("h3").text() for c in funding.find_all("li", class_="sg-project-card")]
    assert titles == ["Project with reports"]
    assert funding.find("a", href="./").attrs["aria-current"] == "page"
    assert funding.find("p", class_="sg-filter-status").text() == "Projects shown: 1 of 2"
    empty = page(fixture_site, "projects/status/ended")
    assert not empty.find_all("li", class_="sg-project-card")
    assert "hidden" not in empty.find("p", class_="sg-filter-empty").attrs


def test_edit_link_points_at_the_yaml_record(tmp_path):
    root = make_project(tmp_path, {"projects": FIXTURE, "news": "news: []\n", "donations": "donations: []\n"})
    write_pdf(root / "content" / "files" / "test" / "fy2023.pdf", 2000)
    write_pdf(root / "content" / "files" / "test" / "fy2024.pdf", 2000)
    result = build_project(root, extra_env={"SITE_REPO_URL": "https://example.org/repo"})
    assert result.returncode == 0, result.stderr
    edit = page(root / "site", "projects/later").find("a", title=True, class_="md-content__button md-icon")
    assert edit.attrs["href"] == "https://example.org/repo/edit/main/data/projects.yaml"


def test_missing_report_file_fails_the_build_naming_the_record(tmp_path):
    root = make_project(tmp_path, {"projects": FIXTURE, "news": "news: []\n", "donations": "donations: []\n"})
    write_pdf(root / "content" / "files" / "test" / "fy2023.pdf", 2000)  # fy2024.pdf is missing
    result = build_project(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("data/projects.yaml:24:15 projects[0].reports[2].file: with-reports: ファイル「test/fy2024.pdf」が見つかりません"
            "(content/files/test/ を探しました。「fy2023.pdf」の誤りではありませんか) / with-reports: the file "
            "'test/fy2024.pdf' was not found (searched content/files/test/; did you mean 'fy2023.pdf'?) "
            "(got 'test/fy2024.pdf')") in result.stderr.splitlines()
    assert not (root / "site").exists()


@pytest.mark.parametrize("today, status", [("2024-11-01", "upcoming"), ("2025-06-01", "ongoing"),
                                           ("2027-04-01", "ended")])
def test_sea_fertiliser_status_on_the_seed_site(tmp_path, today, status):
    root = make_project(tmp_path, data=None)
    result = build_project(root, today=today)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        badge = page(root / "site", f"{prefix}projects/umi-no-hiryo").find("span", class_="sg-status")
        assert badge.attrs["data-status"] == status
    listed = page(root / "site", f"projects/status/{status}")
    assert any(c.find("a").attrs["href"] == "../../umi-no-hiryo/" for c in listed.find_all("li", class_="sg-project-card"))


SEED_PERIODS = {
    "kaiyo-gijutsu": ("2018年度(平成30年度)から", "Since FY2018 (April 2018 – March 2019)"),
    "umi-no-hiryo": ("2024年12月(令和6年12月)から2027年3月(令和9年3月)まで", "December 2024 to March 2027"),
    "ketsuatsu-mokuhyo": ("2023年5月15日(令和5年5月15日)から2025年3月31日(令和7年3月31日)まで",
                          "15 May 2023 to 31 March 2025"),
    "oral-frail": ("2020年から", "Since 2020"),
}


@pytest.mark.parametrize("pid", sorted(SEED_PERIODS))
def test_seed_periods_at_their_precision(seed_site, pid):
    for prefix, expected in zip(("", "en/"), SEED_PERIODS[pid]):
        doc = page(seed_site, f"{prefix}projects/{pid}")
        period = doc.find("table", class_="sg-project-facts").find("td").text()
        assert period == expected


def test_seed_project_pages_are_complete_in_both_languages(seed_site):
    listing = page(seed_site, "en/projects")
    links = [c.find("a").attrs["href"] for c in listing.find_all("li", class_="sg-project-card")]
    assert len(links) == 7
    for href in links:
        doc = page(seed_site, "en/projects/" + href.strip("/"))
        assert doc.find("html").attrs["lang"] == "en" and not doc.find("p", class_="sg-notice")
        assert doc.find("h2", id="summary") and doc.find("ul", class_="sg-reports")
    kaiyo = reports(page(seed_site, "projects/kaiyo-gijutsu"))
    assert "平塚市が公開しています" in kaiyo[0].text()
    assert [a.attrs["href"] for a in kaiyo[0].find_all("a")] == ["tel:0463-21-9758"]  # no report address
    assert kaiyo[1].text().startswith("2023年度(令和5年度)以前") and "波力発電関連分野での新産業創出促進事業" in kaiyo[1].text()
    food = page(seed_site, "projects/shokuhin-traceability")
    assert "区分" not in food.find("table", class_="sg-project-facts").text()  # the seed gives no category
    assert reports(food)[0].text().endswith("引用元:Triplo M’s S.A.")
    assert reports(page(seed_site, "en/projects/hokosha-odan"))[0].text() == "In preparation"
