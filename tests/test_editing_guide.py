"""docs/editing.md cannot drift from the validator (issue 14, item 4).

Staff follow the guide literally, so every YAML example in it is pasted, as text, where the guide
says, into a copy of the frozen seed (tests/seed/data, never the live data/), and the copy must
validate; each example must also land in the list it is meant for (a record pasted at the end of
data/donations.yaml would land in `tax_relief:`). Each block says what it is in an HTML comment
just before it (invisible on GitHub):

    <!-- example: FILE LIST; PLACE -->   pasted at PLACE, it validates and is an item of LIST
    <!-- mistake: FILE LIST; PLACE -->   pasted at PLACE, it gives the message of the next block
    <!-- message of the mistake above --> a ```text block: lines the check prints for that mistake
    <!-- front matter: ... -->           the front matter of a hand-written page, not data
    <!-- copy: FILE LIST[id] as NEW; PLACE --> (before a paragraph) "copy that record, change its
                                          id to NEW, paste it at PLACE"

LIST is a path such as `donations` or `projects[umi-no-hiryo].reports`; PLACE is
`above "TEXT"` / `below "TEXT"` (the line starting with TEXT, which the guide must name in both
languages), `end of the list` (below the last line of LIST) or `whole file`. A ```yaml or ```text
block without a marker fails, so a new example cannot escape the check.

Every message quoted in the table of section 5 is made too: MISTAKES says how to make the mistake of
each row in the seed, the way staff would type it; a row without an entry fails.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from sitegen.errors import DataErrors
from sitegen.validate import load_dataset

from tests.sitebuild import REPO, SEED, SEED_DATA  # the frozen seed: never what staff change in data/

GUIDE = REPO / "docs" / "editing.md"
UPLOADED_PDF = "reports/2025-umi-no-hiryo.pdf"  # the PDF step 2 of section 3.1 uploads (below content/files/)

CHECKED_LANGUAGES = {"yaml", "yml", "text"}


# --- Reading the guide -------------------------------------------------------------------

@dataclass
class Block:
    lang: str
    text: str  # the content as a reader sees it (the fence's own indentation removed)
    marker: str | None
    line: int  # 1-based line of the opening fence
    section: str  # the heading above it

    def __str__(self) -> str:
        return f"docs/editing.md:{self.line} ({self.section})"

    @property
    def id(self) -> str:
        return f"editing.md:{self.line}"


_FENCE = re.compile(r"^(?P<indent> *)(?P<ticks>`{3,})(?P<lang>[\w-]*)\s*$")
_COMMENT = re.compile(r"^\s*<!--\s*(?P<body>.*?)\s*-->\s*$")


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def guide_blocks(text: str | None = None) -> list[Block]:
    lines = (text if text is not None else guide_text()).splitlines()
    blocks, section, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        m = _FENCE.match(line)
        if not m:
            i += 1
            continue
        indent, ticks = len(m["indent"]), m["ticks"]
        body, j = [], i + 1
        while j < len(lines) and not re.match(rf"^ *{ticks}\s*$", lines[j]):
            raw = lines[j]
            body.append(raw[min(indent, len(raw) - len(raw.lstrip(" "))):])  # as Markdown strips it
            j += 1
        before = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        marker = _COMMENT.match(before)
        blocks.append(Block(m["lang"], "\n".join(body) + "\n", marker["body"] if marker else None, i + 1, section))
        i = j + 1
    return blocks


def visible(text: str) -> str:
    """What a reader of the rendered guide sees (HTML comments removed)."""
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def english_part(text: str) -> str:
    return text[text.index("\n## English"):]


# --- Markers -----------------------------------------------------------------------------

_PLACE = re.compile(r'^(?:(?P<where>above|below) "(?P<text>[^"]+)"|(?P<end>end of the list)|(?P<whole>whole file))$')
_PASTE = re.compile(r"^(?P<kind>example|mistake): (?P<file>data/\w+\.yaml) (?P<list>[\w\[\].-]+); (?P<place>.+)$")
_COPY = re.compile(r"^copy: (?P<file>data/\w+\.yaml) (?P<record>[\w\[\].-]+\[[\w-]+\]) as (?P<new_id>[a-z0-9-]+); "
                   r"(?P<place>.+)$")


@dataclass
class Paste:
    kind: str  # example or mistake
    file: str  # data/donations.yaml
    list_path: str  # projects[umi-no-hiryo].reports
    place: re.Match

    @property
    def stem(self) -> str:
        return Path(self.file).stem


def parse_paste(marker: str) -> Paste:
    m = _PASTE.match(marker)
    assert m, f"not an example/mistake marker: {marker!r}"
    place = _PLACE.match(m["place"])
    assert place, f"unknown place {m['place']!r} (above \"…\", below \"…\", end of the list, whole file)"
    return Paste(m["kind"], m["file"], m["list"], place)


def parse_path(path: str) -> list[tuple[str, str | None]]:
    """'projects[umi-no-hiryo].reports' -> [('projects', 'umi-no-hiryo'), ('reports', None)]"""
    parts = []
    for part in path.split("."):
        m = re.fullmatch(r"(\w+)(?:\[([\w-]+)\])?", part)
        assert m, f"bad list path {path!r}"
        parts.append((m[1], m[2]))
    return parts


# --- Pasting as text, the way staff do ------------------------------------------------------

def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    return bool(line.strip()) and not line.strip().startswith("#")


def node_end(lines: list[str], start: int) -> int:
    """Index after the last content line of the node (key or '- ' item) that starts at `start`:
    the lines indented deeper than it (comments and blank lines in between count only when
    more of the node follows)."""
    base, is_key = _indent(lines[start]), not lines[start].lstrip().startswith("- ")
    last = start
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if not _is_content(line):
            continue
        if _indent(line) > base or (is_key and _indent(line) == base and line.lstrip().startswith("- ")):
            last = j
        else:
            break
    return last + 1


def find_line(lines: list[str], text: str) -> int:
    found = [i for i, line in enumerate(lines) if line.strip().startswith(text)]
    assert len(found) == 1, f"{len(found)} lines start with {text!r} (the guide needs exactly one)"
    return found[0]


def locate(lines: list[str], path: str) -> int:
    """The line where the node at `path` starts, found from the text (keys and '- id:' lines)."""
    start, end, key_indent = 0, len(lines), 0
    at = None
    for key, item_id in parse_path(path):
        hits = [i for i in range(start, end) if _indent(lines[i]) == key_indent and _is_content(lines[i])
                and re.match(rf"^\s*{re.escape(key)}:\s*(#.*)?$", lines[i])]
        assert len(hits) == 1, f"{path}: {len(hits)} lines '{key}:' at indentation {key_indent}"
        at = hits[0]
        start, end = at + 1, node_end(lines, at)
        if item_id is not None:
            hits = [i for i in range(start, end) if re.match(rf"^\s*- id: {re.escape(item_id)}\s*(#.*)?$", lines[i])]
            assert len(hits) == 1, f"{path}: {len(hits)} items '- id: {item_id}'"
            at = hits[0]
            start, end = at, node_end(lines, at)
            key_indent = _indent(lines[at]) + 2
        else:
            key_indent = _indent(lines[at]) + 2  # keys of a mapping below; items are looked up by id
    return at


def paste(text: str, snippet: str, list_path: str, place: re.Match) -> str:
    """The file text with the snippet's lines put at place, exactly as written in the guide."""
    if place["whole"]:
        return snippet
    lines = text.splitlines()
    new = snippet.rstrip("\n").splitlines()
    if place["where"]:
        at = find_line(lines, place["text"]) + (place["where"] == "below")
    else:
        at = node_end(lines, locate(lines, list_path))
    return "\n".join(lines[:at] + new + lines[at:]) + "\n"


def resolve(data, path: str) -> list:
    """The list at `path` in parsed YAML."""
    node = data
    for key, item_id in parse_path(path):
        node = node[key]
        if item_id is not None:
            matches = [item for item in node if isinstance(item, dict) and item.get("id") == item_id]
            assert len(matches) == 1, f"{path}: {len(matches)} items with id {item_id}"
            node = matches[0]
    assert isinstance(node, list), f"{path} is not a list"
    return node


# --- Copies of the seed ----------------------------------------------------------------

def seed_copy(root: Path, files: tuple[str, ...] = ()) -> Path:
    """A project root with the frozen seed's data and dummy files below content/files/."""
    shutil.copytree(SEED_DATA, root / "data")
    for name in files:
        path = root / "content" / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return root


def errors_of(root: Path) -> list[str]:
    """Every message the check prints for the data in root, as staff see them."""
    with pytest.raises(DataErrors) as exc:
        load_dataset(root)
    return [e.format() for e in exc.value.errors]


def assert_valid(root: Path, what: str) -> None:
    try:
        load_dataset(root)
    except DataErrors as exc:
        pytest.fail(f"{what} does not validate:\n{exc.report()}")


# --- Every block is marked ----------------------------------------------------------------

BLOCKS = [b for b in guide_blocks() if b.lang in CHECKED_LANGUAGES]
_MARKER_KINDS = ("example: ", "mistake: ", "front matter: ", "message of the mistake above")


def test_the_guide_has_examples_to_check():
    kinds = [b.marker.split(":")[0] for b in BLOCKS if b.marker]
    assert kinds.count("example") >= 4 and "mistake" in kinds and "front matter" in kinds


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.id)
def test_every_yaml_and_text_block_is_marked(block):
    assert block.marker and block.marker.startswith(_MARKER_KINDS), (
        f"{block}: put <!-- example: FILE LIST; PLACE --> (or mistake:, front matter:, message of the mistake "
        f"above) on the line before the ```{block.lang} block, so that tests/test_editing_guide.py checks it")
    if block.lang == "text":
        assert block.marker == "message of the mistake above", f"{block}: a text block quotes a message"


def test_block_parser_reads_markers_and_list_indentation():
    text = ("## A\n\n1. step\n\n   <!-- example: data/news.yaml news; below \"news:\" -->\n   ```yaml\n"
            "     - id: x\n   ```\n\n```text\nmsg\n```\n")
    example, message = guide_blocks(text)
    assert (example.lang, example.text, example.marker, example.line) == (
        "yaml", "  - id: x\n", 'example: data/news.yaml news; below "news:"', 6)
    assert (message.lang, message.marker, message.section) == ("text", None, "A")


# --- Examples: pasted where the guide says, they validate and land in their list ---------------

EXAMPLES = [b for b in BLOCKS if b.marker and b.marker.startswith("example: ")]


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda b: b.id)
def test_example_pasted_where_the_guide_says_validates(block, tmp_path):
    how = parse_paste(block.marker)
    root = seed_copy(tmp_path, files=(UPLOADED_PDF,))
    path = root / how.file
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(paste(path.read_text(encoding="utf-8"), block.text, how.list_path, how.place), encoding="utf-8")

    assert_valid(root, f"{block} pasted into {how.file}")
    after = resolve(yaml.safe_load(path.read_text(encoding="utf-8")), how.list_path)
    if how.place["whole"]:
        assert after == resolve(yaml.safe_load(block.text), how.list_path)
        return
    items = yaml.safe_load(block.text)
    assert isinstance(items, list) and items, f"{block}: an example of a record starts with '- '"
    assert len(after) == len(resolve(before, how.list_path)) + len(items), f"{block} did not land in {how.list_path}"
    expected_at = 0 if how.place["where"] == "below" else len(after) - len(items)
    assert after[expected_at:expected_at + len(items)] == items, f"{block} landed elsewhere in {how.list_path}"


def test_the_uploaded_pdf_is_the_one_the_guide_names():
    assert f"`{Path(UPLOADED_PDF).name}`" in visible(guide_text())


# --- Places the guide names ---------------------------------------------------------------

def _places() -> list[tuple[str, str, str]]:
    """(file, TEXT, section) of every above/below place in the guide's markers."""
    out, section = [], ""
    for line in guide_text().splitlines():
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        m = _COMMENT.match(line)
        if m and m["body"].startswith(("example: ", "mistake: ", "copy: ")):
            place = re.search(r'(?:above|below) "(?P<text>[^"]+)"', m["body"])
            if place:
                out.append((m["body"].split()[1], place["text"], section))
    return out


@pytest.mark.parametrize("file, text, section", _places(), ids=lambda v: str(v)[:40])
def test_a_place_is_one_line_of_the_seed_named_in_both_languages(file, text, section):
    lines = (SEED / file).read_text(encoding="utf-8").splitlines()
    find_line(lines, text)  # exactly one line
    guide = guide_text()
    start = guide.index(section)
    section_text = visible(guide[start:guide.index("\n#", start)])
    assert f"`{text}`" in section_text, f"section {section!r} must tell staff the line `{text}`"
    assert f"`{text}`" in visible(english_part(guide)), f"the English section must name the line `{text}`"


def test_the_end_markers_of_lists_directly_follow_the_last_record():
    for file, list_name in (("donations", "donations"), ("projects", "projects"), ("calls", "calls")):
        lines = (SEED_DATA / f"{file}.yaml").read_text(encoding="utf-8").splitlines()
        marker = find_line(lines, "# --- ")
        assert " / " in lines[marker], "a comment in Japanese / English"
        end = node_end(lines, locate(lines, list_name))
        assert end <= marker and not any(_is_content(line) for line in lines[end:marker]), (
            f"{file}.yaml: the line {lines[marker]!r} must come right after the last record of {list_name}")


def test_the_guides_reason_for_the_marker_holds():
    # Section 3 says the end of data/donations.yaml is `tax_relief:`, not the donations list.
    assert "`tax_relief:`" in visible(guide_text()).split("### 3.1")[0]
    lines = (SEED_DATA / "donations.yaml").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if re.match(r"^[a-z_]+:", line)][-1] == "tax_relief:"


# --- Copying a record, as sections 3.2 and 3.4 say -------------------------------------------

COPIES = [m["body"] for m in map(_COMMENT.match, guide_text().splitlines()) if m and m["body"].startswith("copy: ")]


def test_the_guide_marks_its_copy_instructions():
    files = {c.split()[1] for c in COPIES}
    assert {"data/projects.yaml", "data/calls.yaml"} <= files


@pytest.mark.parametrize("marker", COPIES, ids=lambda c: c.split()[1])
def test_a_copied_record_pasted_where_the_guide_says_validates(marker, tmp_path):
    m = _COPY.match(marker)
    assert m, f"bad copy marker {marker!r}"
    place = _PLACE.match(m["place"])
    list_path, old_id = re.fullmatch(r"(.*)\[([\w-]+)\]", m["record"]).groups()
    root = seed_copy(tmp_path)
    path = root / m["file"]
    lines = path.read_text(encoding="utf-8").splitlines()
    start = locate(lines, m["record"])
    record = lines[start:node_end(lines, start)]
    record[0] = record[0].replace(f"- id: {old_id}", f"- id: {m['new_id']}")
    assert record[0].strip() == f"- id: {m['new_id']}"
    path.write_text(paste("\n".join(lines) + "\n", "\n".join(record) + "\n", list_path, place), encoding="utf-8")

    assert_valid(root, f"{m['record']} copied as {m['new_id']}")
    items = resolve(yaml.safe_load(path.read_text(encoding="utf-8")), list_path)
    original = next(i for i in items if i["id"] == old_id)
    assert items[-1] == {**original, "id": m["new_id"]}, "the copy is not the last record of the list"


# --- Mistakes shown in the guide give the message it quotes ------------------------------------

def _mistakes_with_messages() -> list[tuple[Block, Block | None]]:
    pairs = []
    for i, b in enumerate(BLOCKS):
        if b.marker and b.marker.startswith("mistake: "):
            nxt = BLOCKS[i + 1] if i + 1 < len(BLOCKS) else None
            pairs.append((b, nxt))
    return pairs


def test_every_message_block_follows_a_mistake():
    messages = [b for b in BLOCKS if b.marker == "message of the mistake above"]
    assert messages and len(messages) == len(_mistakes_with_messages())
    for i, b in enumerate(BLOCKS):
        if b in messages:
            assert i > 0 and BLOCKS[i - 1].marker.startswith("mistake: "), f"{b}: no mistake block before it"


@pytest.mark.parametrize("mistake, message", _mistakes_with_messages(), ids=lambda b: b.id if b else "none")
def test_mistake_in_the_guide_prints_the_quoted_message(mistake, message, tmp_path):
    assert message is not None and message.marker == "message of the mistake above", \
        f"{mistake}: follow it with <!-- message of the mistake above --> and a ```text block"
    how = parse_paste(mistake.marker)
    root = seed_copy(tmp_path, files=(UPLOADED_PDF,))
    path = root / how.file
    path.write_text(paste(path.read_text(encoding="utf-8"), mistake.text, how.list_path, how.place), encoding="utf-8")
    printed = errors_of(root)
    for line in message.text.strip().splitlines():
        assert line in printed, f"{message} quotes a message the check does not print; it prints:\n" + "\n".join(printed)


# --- Front matter of a hand-written page --------------------------------------------------

FRONT_MATTER = [b for b in BLOCKS if b.marker and b.marker.startswith("front matter: ")]


@pytest.mark.parametrize("block", FRONT_MATTER, ids=lambda b: b.id)
def test_front_matter_example_is_read_by_mkdocs_as_page_metadata(block):
    from mkdocs.utils.meta import get_data

    lines = block.text.strip().splitlines()
    assert lines[0] == "---" and lines[-1] == "---", f"{block}: front matter sits between two '---' lines"
    content, meta = get_data(block.text + "\n# Page\n")
    assert content.strip() == "# Page"
    assert meta == yaml.safe_load("\n".join(lines[1:-1]))
    # The search exclusion that tests/test_search_index.py builds and checks:
    assert meta == {"search": {"exclude": True}}


# --- The table of section 5 -------------------------------------------------------------------

@dataclass(frozen=True)
class Edit:
    stem: str
    old: str | None  # None: `new` is the whole file
    new: str


@dataclass(frozen=True)
class Mistake:
    edits: tuple[Edit, ...]
    files: tuple[str, ...] = field(default=())  # below content/files/


def typed(stem: str, old: str | None, new: str, files: tuple[str, ...] = ()) -> Mistake:
    return Mistake((Edit(stem, old, new),), files)


_BODY_EN = ("      en: \"Reference: Tamasaburo's Blue Carbon Challenge. Local fresh fish market (special edition): "
            "a tour explaining Kogakuin University's demonstration experiment was held\"\n")
_TOUR_JA = "      ja: 平塚市漁業協同組合の地どれ魚直売会にて海の肥料設置の説明ツアーを実施しました\n"
_TOUR_EN = ("      en: A tour explaining the installation of the sea fertiliser was held at the Hiratsuka "
            "Fisheries Cooperative's local fresh fish market\n")
_TOUR_TITLE = "    title:\n" + _TOUR_JA + _TOUR_EN
_UMI_REPORTS_END = "          en: Hiratsuka City\n\n  # 元のページに区分"  # the last line of umi-no-hiryo's reports
_REPORT_2023 = "      - kind: file\n        fiscal_year: 2024\n        file: reports/umi-no-hiryo-2023.pdf\n"
_TWO_NEWS_WITH_ONE_ID = ("news:\n  - id: n1\n    date: 2025-04-01\n    title:\n      ja: お知らせ\n"
                         "  - id: n1\n    date: 2025-04-02\n    title:\n      ja: お知らせ\n")

# First cell of each row of the table -> the ways of making that mistake in the seed, as staff
# would type them. Each must print the row's message.
MISTAKES: dict[str, list[Mistake]] = {
    "字下げにタブ": [typed("news", "      en: The sea fertiliser project", "\ten: The sea fertiliser project")],
    "字下げに全角スペース": [typed("news", "      en: The sea fertiliser project",
                                  "\u3000\u3000\u3000en: The sea fertiliser project")],
    "`2024/04/01`、`令和6年4月1日`": [typed("news", "    date: 2025-04-01\n", "    date: 2024/04/01\n"),
                                     typed("news", "    date: 2025-04-01\n", "    date: 令和6年4月1日\n")],
    "`3,000万円`、`30,000,000`": [typed("donations", "    amount: 30000000\n", "    amount: 3,000万円\n"),
                                 typed("donations", "    amount: 30000000\n", "    amount: 30,000,000\n")],
    "必須の項目がない(例: 寄附の `donor_type`)": [
        typed("donations", "  - id: 2024-daiichi-life\n    fiscal_year: 2024\n    donor_type: corporate\n",
              "  - id: 2024-daiichi-life\n    fiscal_year: 2024\n")],
    "項目名の打ち間違い": [typed("news", "    title:\n      ja: 「海の肥料", "    titel:\n      ja: 「海の肥料")],
    "日本語の文章がない": [typed("news", _TOUR_JA, "")],
    "文章を1行で書いた(`title: お知らせ`)": [typed("news", _TOUR_TITLE, "    title: お知らせ\n")],
    # The guide's example message names line 2, so the file is a short one of two items.
    "id の重複": [typed("news", None, _TWO_NEWS_WITH_ONE_ID)],
    "存在しないプロジェクトid": [typed("news", "    projects: [umi-no-hiryo]\n", "    projects: [umi-no-hiryou]\n")],
    "非公表の金額を `amount: 非公表` と書いた": [
        typed("donations", "      en: The Dai-ichi Life Insurance Company, Limited\n    amount: undisclosed\n",
              "      en: The Dai-ichi Life Insurance Company, Limited\n    amount: 非公表\n")],
    "寄附者名(`donor`)も `anonymous: true` もない": [
        typed("donations", "    donor_type: individual\n    anonymous: true\n", "    donor_type: individual\n")],
    "匿名(`anonymous: true`)の寄附に `donor` も書いた": [
        typed("donations", "    anonymous: true\n", "    anonymous: true\n    donor:\n      ja: 〇〇\n")],
    "報告書ファイルがない": [
        typed("projects", _UMI_REPORTS_END, _UMI_REPORTS_END.replace("City\n", "City\n" + _REPORT_2023, 1),
              files=("reports/umi-no-hiryo-2024.pdf",))],
    "アドレスに https:// がない": [typed("news", "    projects: [umi-no-hiryo]\n",
                                     "    projects: [umi-no-hiryo]\n    link: www.example.jp/news\n")],
    "項目名の後のコロンがない(`date 2025-05-01`)": [typed("news", "    date: 2025-04-01\n", "    date 2025-04-01\n")],
    "コロンの後に空白がない": [typed("news", _TOUR_JA, _TOUR_JA.replace("ja: ", "ja:"))],
    "引用符の閉じ忘れ": [
        typed("news", _BODY_EN, _BODY_EN.rstrip('"\n') + "\n"),  # the closing quote of the last text
        typed("news", "      ja: 「海の肥料施肥", '      ja: "「海の肥料施肥'),  # an opening quote, more text below
    ],
    "字下げのずれ": [typed("news", "      en: The sea fertiliser project", "     en: The sea fertiliser project")],
    "文章の中の「: 」": [typed("news", _BODY_EN, _BODY_EN.replace('"', ""))],
    "公募の `target_types` にコードでなく日本語を書いた(`[中小企業]`)": [
        typed("calls", "    target_types: [sme, sme_group]\n", "    target_types: [中小企業, sme_group]\n")],
    "`[` の閉じ忘れ": [typed("news", "[umi-no-hiryo, kaiyo-gijutsu]", "[umi-no-hiryo, kaiyo-gijutsu"),
                      typed("news", "    projects: [umi-no-hiryo]\n", "    projects: [umi-no-hiryo\n")],
    "文章に `0123` や `2024` のような数字だけを引用符なしで書いた": [
        typed("projects", "          ja: 国交省\n", "          ja: 0123\n"),
        typed("projects", "          ja: 国交省\n", "          ja: 2024\n")],
}


def table_rows(text: str | None = None) -> list[tuple[str, str]]:
    """(first cell, quoted message) of each row of the table whose header starts '| 間違い |'."""
    lines = (text if text is not None else guide_text()).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| 間違い |"))
    rows = []
    for line in lines[start + 1:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if set(cells[0]) <= set("-: "):
            continue  # the |---|---| line
        assert len(cells) == 2 and cells[1].startswith("`") and cells[1].endswith("`"), f"row {line!r}"
        rows.append((cells[0], cells[1][1:-1]))
    return rows


ROWS = table_rows()


def test_the_table_reader_reads_rows():
    text = "x\n| 間違い | 表示されるメッセージ(例) |\n|---|---|\n| a `b` | `m / n` |\n| c | `o` |\n\nafter\n"
    assert table_rows(text) == [("a `b`", "m / n"), ("c", "o")]
    assert len(ROWS) >= 16


def test_every_row_of_the_table_has_a_way_to_make_its_mistake():
    assert sorted(MISTAKES) == sorted(cell for cell, _ in ROWS), (
        "each row of the table in section 5 needs an entry in MISTAKES (and no entry may be left over)")


@pytest.mark.parametrize("cell, message", ROWS, ids=[cell for cell, _ in ROWS])
def test_each_message_in_the_table_is_printed_for_its_mistake(cell, message, tmp_path):
    assert cell in MISTAKES, f"add to MISTAKES how to make the mistake {cell!r}"
    for n, mistake in enumerate(MISTAKES[cell]):
        root = seed_copy(tmp_path / str(n), files=mistake.files)
        for edit in mistake.edits:
            path = root / "data" / f"{edit.stem}.yaml"
            text = path.read_text(encoding="utf-8")
            if edit.old is None:
                text = edit.new
            else:
                assert text.count(edit.old) == 1, f"the seed's {edit.stem}.yaml changed: {edit.old!r}"
                text = text.replace(edit.old, edit.new)
            path.write_text(text, encoding="utf-8")
        printed = errors_of(root)
        assert any(message in line for line in printed), (
            f"{cell} (way {n + 1}): the check does not print the quoted message; it prints:\n" + "\n".join(printed))
