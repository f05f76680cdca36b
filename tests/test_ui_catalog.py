"""The interface text is in one catalog per language (sitegen/i18n.py).

Every string the code and the templates mark (extracted with Babel's extractor, the mapping in
babel.cfg, as `pybabel extract` does) has its English in the one English catalog, and the catalog
holds nothing the code no longer uses; no interface text is written bilingually another way.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from sitegen.i18n import catalog_path, translations, translator
from sitegen.render import _env

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_path("en")


def _extracted() -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid) -> where it is used, for every string marked in sitegen/."""
    with (REPO / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[tuple[str | None, str], list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(str(REPO), method_map, options_map):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault((context, msgid), []).append(f"{filename}:{lineno}")
    return found


def _catalog():
    with CATALOG.open("rb") as f:
        return read_po(f, locale="en")


def test_every_marked_string_has_english():
    catalog = _catalog()
    extracted = _extracted()
    assert len(extracted) > 250  # the extraction really read the templates and the code
    missing = []
    for (context, msgid), where in extracted.items():
        entry = catalog.get(msgid, context)
        strings = entry.string if entry is not None and isinstance(entry.string, tuple) else (
            (entry.string,) if entry is not None else ("",))
        if not all(s.strip() for s in strings):
            missing.append(f"{where[0]}: {msgid!r} (context {context!r})")
    assert not missing, "strings without English in " + str(CATALOG.relative_to(REPO)) + ":\n" + "\n".join(missing)


def test_catalog_has_no_stale_entries():
    extracted = _extracted()
    stale = [f"{m.id!r} (context {m.context!r})" for m in _catalog()
             if m.id and ((m.context, m.id[0] if isinstance(m.id, tuple) else m.id) not in extracted)]
    assert not stale, "entries no code uses any more:\n" + "\n".join(stale)


def test_catalog_is_read_at_run_time():
    en, ja = translator("en"), translator("ja")
    assert en("受付中") == "Open" and ja("受付中") == "受付中"  # Japanese is the text as written
    assert translations("en").pgettext("in a sentence", "お問い合わせ") == "contact us"
    assert translations("en").ngettext("%(num)s件", "%(num)s件", 1) == "%(num)s gift"
    assert translations("en").ngettext("%(num)s件", "%(num)s件", 2) == "%(num)s gifts"
    assert en("まだ誰も書いていない文") == "まだ誰も書いていない文"  # a string not in the catalog stays Japanese


@pytest.mark.parametrize("lang, expected", [("ja", "寄附3件"), ("en", "3 donations")])
def test_templates_translate_through_jinja_i18n(lang, expected):
    template = _env(lang).from_string('{{ ngettext("寄附%(num)s件", "寄附%(num)s件", n) }}|{{ _("受付中") }}')
    assert template.render(n=3) == expected + "|" + {"ja": "受付中", "en": "Open"}[lang]


# --- No other way of writing a bilingual string --------------------------------------------

# Dates, periods and amounts are formatted per language in their own modules (dates.py, money.py,
# and the calendar's event text, calendar_file.py), and the call feed's period (feeds.py): that
# is number and date formatting, not interface text.
FORMATTING = {"sitegen/dates.py", "sitegen/money.py", "sitegen/calendar_file.py", "sitegen/sections/feeds.py"}
# Staff-facing validation messages print both languages at once: not the site's interface.
STAFF_MESSAGES = {"sitegen/errors.py", "sitegen/yamlslips.py"}
# Lines that pair the languages on purpose: each language's name in itself (shown as is on
# both sides), the open-data column units documented beside the models' "日本語 / English"
# field descriptions, and a month in a heading (date formatting, as dates.py).
NOT_INTERFACE_TEXT = ('ENDONYMS = {"ja": "日本語", "en": "English"}', 'Column("amount_yen", "integer", ("円", "yen"),',
                      'return "integer", ("円", "yen")', 'return "integer", ("年度(西暦)", "fiscal year")',
                      'return f"{month.year}年{month.month}月" if lang == "ja" else format_partial(month, lang)')

_PATTERNS = {
    "t(ja, en) helper": re.compile(r"(?<![\w.])_?t\(\s*[\"']"),
    # a Japanese literal chosen by language ("ja"/"en" codes and paths chosen so are not text)
    "text chosen by language": re.compile(
        r"[\"'][^\"'\n]*[^\x00-\x7f][^\"'\n]*[\"']\s+if\s+(?:ctx\.|self\.)?lang\s*==\s*[\"'](?:ja|en)[\"']\s+else"),
    "{ja: …, en: …} dict": re.compile(r"\{\s*[\"']ja[\"']\s*:\s*[\"'][^\"'\n]*[^\x00-\x7f][^\"'\n]*[\"']\s*,\s*[\"']en[\"']\s*:"),
    "(ja, en) label table": re.compile(
        r"[:,]\s*\(\s*(?:[\"'][a-z_]+[\"']\s*,\s*)?[\"'][^\"'\n]*[^\x00-\x7f][^\"'\n]*[\"']\s*,\s*[\"'][A-Za-z][^\"'\n]*[\"']\s*\)"),
    "{% if lang == … %} in a template": re.compile(r"\{%-?\s*(?:el)?if\s+lang\s*==\s*[\"'](?:ja|en)[\"']\s*-?%\}"),
}


def _sources():
    for folder in ("sitegen", "hooks", "overrides"):
        for path in sorted((REPO / folder).rglob("*")):
            rel = path.relative_to(REPO).as_posix()
            if path.suffix in (".py", ".j2", ".html") and rel not in FORMATTING | STAFF_MESSAGES \
                    and "__pycache__" not in rel:
                yield rel, path.read_text(encoding="utf-8")


def test_no_interface_text_written_bilingually_another_way():
    found = []
    for rel, text in _sources():
        for lineno, line in enumerate(text.splitlines(), 1):
            for what, pattern in _PATTERNS.items():
                if pattern.search(line) and line.strip() not in NOT_INTERFACE_TEXT:
                    found.append(f"{rel}:{lineno}: {what}: {line.strip()[:120]}")
    assert not found, "write interface text as _(\"日本語\") with its English in the catalog:\n" + "\n".join(found)


def test_the_scan_finds_each_old_way():
    """The patterns above match the four ways the interface text used to be written."""
    old = ['{{ t("支援内容", "Support") }}', 'title = "寄附実績" if ctx.lang == "ja" else "Donation history"',
           '"open": {"ja": "受付中", "en": "Open"},', '    "pr": ("PR支援", "PR support"),',
           '{% set groups = [("open", "受付中", "Open"), ("upcoming", "募集予定", "Upcoming")] %}',
           '{% if lang == "ja" %}']
    for line in old:
        assert any(p.search(line) for p in _PATTERNS.values()), line


def test_python_strings_are_marked_where_babel_finds_them():
    """`translator(lang)("…")` would translate at run time but escape extraction."""
    calls = [f"{rel}: {m.group(0)}" for rel, text in _sources()
             for m in re.finditer(r"translator\([^)]*\)\(\s*[\"']", text)]
    assert not calls, "write `_ = translator(lang)` then `_(\"…\")`:\n" + "\n".join(calls)


def test_readme_names_the_catalog():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`{CATALOG.relative_to(REPO).as_posix()}`" in readme
    assert CATALOG.is_file()
