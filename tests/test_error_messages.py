"""Each common editing mistake gives one line that says how to fix it (issue 7, §2).

Every expected line is the whole message as staff see it: file:line:column, field path,
Japanese first (hint in brackets), English after (hint in brackets), and what was typed.
The same texts are quoted in docs/editing.md (checked at the end), so the guide cannot
drift from what the tool really prints.
"""
from __future__ import annotations

import pytest
from pydantic import Field

from sitegen.errors import DataError
from sitegen.models.common import Strict, Yen
from sitegen.validate import validate_file
from sitegen.yamlload import load_yaml
from tests.sitebuild import REPO, build_project, dataset_errors, make_project

GUIDE = REPO / "docs" / "editing.md"


def lines(errors: list[DataError]) -> list[str]:
    return [e.format() for e in errors]


NEWS = """news:
  - id: n1
    date: {date}
    title:
      ja: お知らせ
"""


# --- Indentation -----------------------------------------------------------------------

TAB = "data/news.yaml:5:1 news[0].title.ja: 字下げにタブ文字は使えません(タブを消して、上の行に揃うよう半角スペースで字下げしてください) / tabs cannot be used for indentation (delete the tab and indent with ordinary spaces, lined up with the line above)"
FULL_WIDTH = "data/news.yaml:5:1 news[0].title.ja: 字下げに全角スペースが使われています(全角スペースを消して、半角スペースで字下げしてください) / a full-width space (U+3000) is used for indentation (replace it with ordinary (half-width) spaces)"


def test_tab_indentation(tmp_path):
    text = NEWS.format(date="2025-04-01").replace("      ja:", "\tja:")
    assert TAB in lines(dataset_errors(tmp_path, news=text))


def test_full_width_space_indentation(tmp_path):
    text = NEWS.format(date="2025-04-01").replace("      ja:", "\u3000\u3000\u3000ja:")
    assert FULL_WIDTH in lines(dataset_errors(tmp_path, news=text))


# --- Dates and amounts -------------------------------------------------------------------

DATE_SLASH = "data/news.yaml:3:11 news[0].date: 日付はYYYY-MM-DD形式で書いてください(例: 2024-04-01) / write the date as YYYY-MM-DD (e.g. 2024-04-01) (got '2024/04/01')"
DATE_WAREKI = "data/news.yaml:3:11 news[0].date: 日付はYYYY-MM-DD形式で書いてください(例: 2024-04-01) / write the date as YYYY-MM-DD (e.g. 2024-04-01) (got '令和6年4月1日')"


@pytest.mark.parametrize("typed, expected", [("2024/04/01", DATE_SLASH), ("令和6年4月1日", DATE_WAREKI)])
def test_date_not_in_iso_form_gets_the_iso_date_as_hint(tmp_path, typed, expected):
    assert expected in lines(dataset_errors(tmp_path, news=NEWS.format(date=typed)))


class _Budget(Strict):  # a stand-in record: the amount type is shared by every file with yen
    amount: Yen = Field(description="金額 / amount")


AMOUNT = ("data/x.yaml:1:9 amount: 金額は単位やカンマを付けずに円単位の整数で書いてください(例: {n}) / "
          "write the amount in yen as a plain integer, without units or commas (e.g. {n}) (got '{typed}')")


@pytest.mark.parametrize("typed, n", [("3,000万円", 30000000), ("1,000,000", 1000000), ("¥100,000", 100000)])
def test_amount_with_units_or_commas_gets_the_integer_as_hint(tmp_path, typed, n):
    (tmp_path / "x.yaml").write_text(f"amount: {typed}\n", encoding="utf-8")
    _, errors = validate_file(load_yaml(tmp_path / "x.yaml", "data/x.yaml"), _Budget)
    assert lines(errors) == [AMOUNT.format(n=n, typed=typed)]


# --- Keys and texts --------------------------------------------------------------------

UNKNOWN_KEY = "data/news.yaml:4:5 news[0].titel: 知らない項目名「titel」です(「title」の誤りではありませんか) / unknown field 'titel' (did you mean 'title'?)"
MISSING_JA = "data/news.yaml:5:7 news[0].title: 日本語の文章(ja)がありません(「ja: 」の行に日本語を書いてください(英語の en は省略できます)) / the Japanese text ('ja') is missing (add a 'ja:' line with the Japanese text ('en' is optional, 'ja' is not))"
TEXT_ON_ONE_LINE = "data/news.yaml:4:12 news[0].title: 文章は ja:(日本語)と en:(英語)の2行に分けて書いてください(次の行に半角スペース2つで字下げして「ja: お知らせ」) / write the text as two lines, ja: (Japanese) and en: (English) (on the next line, indented by two spaces: 'ja: お知らせ') (got 'お知らせ')"


def test_unknown_key_suggests_the_nearest_known_key(tmp_path):
    text = NEWS.format(date="2025-04-01").replace("    title:", "    titel:")
    assert UNKNOWN_KEY in lines(dataset_errors(tmp_path, news=text))


def test_missing_japanese_text(tmp_path):
    text = NEWS.format(date="2025-04-01").replace("      ja: お知らせ", "      en: News")
    assert MISSING_JA in lines(dataset_errors(tmp_path, news=text))


def test_text_written_on_one_line_shows_the_two_line_form(tmp_path):
    text = NEWS.format(date="2025-04-01").replace("    title:\n      ja: お知らせ", "    title: お知らせ")
    assert TEXT_ON_ONE_LINE in lines(dataset_errors(tmp_path, news=text))


# --- Ids and references --------------------------------------------------------------------

DUPLICATE_ID = "data/news.yaml:6:9 news[1].id: id「n1」は2行目でも使われています(別のidにしてください(例: n1-2)) / the id 'n1' is already used on line 2 (choose another id (e.g. n1-2))"
UNKNOWN_PROJECT = "data/news.yaml:6:16 news[0].projects[0]: プロジェクト「umi-no-hiryou」は存在しません(「umi-no-hiryo」の誤りではありませんか) / no project has the id 'umi-no-hiryou' (did you mean 'umi-no-hiryo'?)"


def test_duplicate_id_names_the_first_use(tmp_path):
    text = NEWS.format(date="2025-04-01") + NEWS.format(date="2025-04-02").split("news:\n", 1)[1]
    assert DUPLICATE_ID in lines(dataset_errors(tmp_path, news=text))


def test_unknown_project_id_suggests_the_nearest_existing_id(tmp_path):
    text = NEWS.format(date="2025-04-01") + "    projects: [umi-no-hiryou]\n"
    assert UNKNOWN_PROJECT in lines(dataset_errors(tmp_path, news=text))


# --- Files and addresses -------------------------------------------------------------------

REPORT_CLOSE = "data/projects.yaml:10:15 projects[0].reports[0].file: umi-no-hiryo: ファイル「reports/umi-no-hiryo-2023.pdf」が見つかりません(content/files/reports/ を探しました。「umi-no-hiryo-2024.pdf」の誤りではありませんか) / umi-no-hiryo: the file 'reports/umi-no-hiryo-2023.pdf' was not found (searched content/files/reports/; did you mean 'umi-no-hiryo-2024.pdf'?) (got 'reports/umi-no-hiryo-2023.pdf')"
REPORT_NONE = "data/projects.yaml:10:15 projects[0].reports[0].file: umi-no-hiryo: ファイル「houkoku/a.pdf」が見つかりません(content/files/houkoku/ を探しました。ファイルをこのフォルダに置くか、名前を直してください) / umi-no-hiryo: the file 'houkoku/a.pdf' was not found (searched content/files/houkoku/; put the file in that folder or correct the name) (got 'houkoku/a.pdf')"


def project_with_report(written: str) -> dict[str, str]:
    """Data files with one project whose `file:` (relative to content/files/) is `written`;
    no news or donations, so nothing else refers to the projects."""
    projects = ("projects:\n  - id: umi-no-hiryo\n    title:\n      ja: 題\n    summary:\n      ja: 概要\n"
                f"    reports:\n      - kind: file\n        fiscal_year: 2023\n        file: {written}\n")
    return {"projects": projects, "news": "news: []\n", "donations": "donations: []\n"}


def put_report_pdf(root) -> None:
    (root / "content" / "files" / "reports").mkdir(parents=True, exist_ok=True)
    (root / "content" / "files" / "reports" / "umi-no-hiryo-2024.pdf").write_bytes(b"%PDF-1.4\n")


@pytest.mark.parametrize("written, expected", [("reports/umi-no-hiryo-2023.pdf", REPORT_CLOSE),
                                               ("houkoku/a.pdf", REPORT_NONE)])
def test_report_file_not_found_names_the_folder_searched(tmp_path, written, expected):
    put_report_pdf(tmp_path)
    assert lines(dataset_errors(tmp_path, **project_with_report(written))) == [expected]


def test_validate_command_prints_the_report_file_message(tmp_path):
    root = make_project(tmp_path, project_with_report("reports/umi-no-hiryo-2023.pdf"))
    put_report_pdf(root)
    result = build_project(root, command="validate")
    assert result.returncode == 1 and REPORT_CLOSE in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


NO_SCHEME = "data/news.yaml:6:11 news[0].link: アドレスは https:// で始めてください(例: https://www.example.jp/news) / the address must start with https:// (e.g. https://www.example.jp/news) (got 'www.example.jp/news')"
BROKEN_SCHEME = "data/news.yaml:6:11 news[0].link: アドレスは https:// で始めてください(例: https://www.example.jp/news) / the address must start with https:// (e.g. https://www.example.jp/news) (got 'https//www.example.jp/news')"


@pytest.mark.parametrize("typed, expected", [("www.example.jp/news", NO_SCHEME),
                                             ("https//www.example.jp/news", BROKEN_SCHEME)])
def test_address_without_https_gets_the_full_address_as_hint(tmp_path, typed, expected):
    text = NEWS.format(date="2025-04-01") + f"    link: {typed}\n"
    assert expected in lines(dataset_errors(tmp_path, news=text))


# --- YAML syntax -------------------------------------------------------------------------

NO_SPACE_AFTER_COLON = "data/news.yaml:5:10 news[0].title.ja: コロン(:)の後に半角スペースがありません(「ja: 」のようにコロンの後に空白を入れてください) / a space is missing after the colon (write 'ja: ' with a space after the colon) (got 'ja:お知らせ')"
UNCLOSED_QUOTE = "data/news.yaml:5:11 news[0].title.ja: 引用符(\")が閉じられていません(文章の最後にも \" を付けてください) / the quotation mark (\") opened here is never closed (add the closing \" at the end of the text) (got 'ja: \"お知らせ')"
BAD_INDENT = "data/news.yaml:6:6 news[0].title.en: 字下げ(行頭の空白の数)が前後の行と揃っていません(同じ階層の項目は同じ数の半角スペースで始め、引用符やかっこの閉じ忘れがないか確認してください) / the indentation (spaces at the start of the line) does not line up (start items of one level with the same number of spaces; check for an unclosed quote or bracket) (got 'en: News')"
COLON_IN_TEXT = "data/news.yaml:6:17 news[0].title.en: 文章の中に「: 」(コロンと空白)があります(文章全体を引用符(\")で囲んでください) / the text contains ': ' (a colon followed by a space) (put the whole text in double quotes \"…\") (got 'en: Notice: change')"
UNCLOSED_BRACKET = "data/news.yaml:6:15 news[0].projects: かっこが閉じられていません(「]」がありません)(同じ行の最後に「]」を付けてください) / the bracket opened here is never closed (no ']') (add ']' at the end of the line) (got 'projects: [umi-no-hiryo')"

_OK = NEWS.format(date="2025-04-01")


@pytest.mark.parametrize("text, expected", [
    (_OK.replace("ja: お知らせ", "ja:お知らせ") + "      en: News\n", NO_SPACE_AFTER_COLON),
    (_OK.replace("ja: お知らせ", 'ja: "お知らせ') + "      en: News\n", UNCLOSED_QUOTE),
    (_OK + "     en: News\n", BAD_INDENT),
    (_OK + "      en: Notice: change\n", COLON_IN_TEXT),
    (_OK + "    projects: [umi-no-hiryo\n    link: https://www.example.jp/\n", UNCLOSED_BRACKET),
], ids=["no-space-after-colon", "unclosed-quote", "bad-indentation", "colon-in-text", "unclosed-bracket"])
def test_yaml_syntax_error_says_what_yaml_expected_in_plain_words(tmp_path, text, expected):
    assert lines(dataset_errors(tmp_path, news=text)) == [expected]


# --- The guide quotes the real messages --------------------------------------------------

ALL_MESSAGES = [TAB, FULL_WIDTH, DATE_SLASH, AMOUNT.format(n=30000000, typed="3,000万円"), UNKNOWN_KEY, MISSING_JA,
                TEXT_ON_ONE_LINE, DUPLICATE_ID, UNKNOWN_PROJECT, REPORT_CLOSE, NO_SCHEME, NO_SPACE_AFTER_COLON,
                UNCLOSED_QUOTE, BAD_INDENT, COLON_IN_TEXT, UNCLOSED_BRACKET]


@pytest.mark.parametrize("message", ALL_MESSAGES, ids=lambda m: m.split(":")[0] + ":" + m.split(" ")[1])
def test_editing_guide_quotes_each_message_as_printed(message):
    """docs/editing.md explains every check with the message text the tool prints."""
    core = message.split(": ", 1)[1]  # without file:line:col and path, which depend on the example
    core = core.split(" (got ")[0]
    assert core in GUIDE.read_text(encoding="utf-8"), f"docs/editing.md does not quote: {core}"
